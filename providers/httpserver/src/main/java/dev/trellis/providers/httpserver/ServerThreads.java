package dev.trellis.providers.httpserver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The threads every listener of one provider shares, and the bound on requests waiting for actors.
 *
 * <ul>
 *   <li>{@code httpserver-accept-N}: one thread accepting connections for all listeners.
 *   <li>{@code httpserver-io-N}: Netty event loops (twice the cores, Netty's default) reading,
 *       decoding, sending requests to actors ({@code callActorAsync}) and writing the answers; they
 *       never block. A request waiting for its actor holds no thread.
 * </ul>
 *
 * <p>At most {@link #MAX_IN_FLIGHT} requests wait for actors at once; past that a request is
 * answered 503 at once.
 */
final class ServerThreads implements AutoCloseable {
  /** Requests that may wait for actors at once, across all listeners. */
  static final int MAX_IN_FLIGHT = 4096;

  final EventLoopGroup accept;
  final EventLoopGroup io;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

  ServerThreads() {
    accept =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("httpserver-accept", true), NioIoHandler.newFactory());
    io =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("httpserver-io", true), NioIoHandler.newFactory());
  }

  /**
   * Counts a request that starts waiting for its actor; {@link #finished()} must follow once it is
   * answered.
   *
   * @return false when {@link #MAX_IN_FLIGHT} requests wait already: the request must not start
   */
  boolean tryStart() {
    return inFlight.tryAcquire();
  }

  /** A request counted by {@link #tryStart()} has its answer. */
  void finished() {
    inFlight.release();
  }

  /** Stops the event loops, waiting a little for each. */
  @Override
  public void close() {
    accept.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    accept.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
