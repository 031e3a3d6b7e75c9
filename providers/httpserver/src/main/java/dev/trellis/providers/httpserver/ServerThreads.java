package dev.trellis.providers.httpserver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every listener of one provider shares.
 *
 * <ul>
 *   <li>{@code httpserver-accept-N}: one thread accepting connections for all listeners.
 *   <li>{@code httpserver-io-N}: Netty event loops (twice the cores, Netty's default) reading,
 *       decoding and writing; they never block.
 *   <li>workers: where a request waits for its actor. A virtual thread per request on JDK 21+, else
 *       a cached pool of daemon threads {@code httpserver-worker-N}. At most {@link #MAX_IN_FLIGHT}
 *       requests wait at once; past that a request is answered 503 at once.
 * </ul>
 */
final class ServerThreads implements AutoCloseable {
  /** Requests that may wait for actors at once, across all listeners. */
  static final int MAX_IN_FLIGHT = 4096;

  final EventLoopGroup accept;
  final EventLoopGroup io;
  private final ExecutorService workers;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

  ServerThreads() {
    accept =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("httpserver-accept", true), NioIoHandler.newFactory());
    io =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("httpserver-io", true), NioIoHandler.newFactory());
    workers = workers();
  }

  /**
   * Runs {@code task} on a worker.
   *
   * @return false when {@link #MAX_IN_FLIGHT} tasks are running or the threads are closed: the task
   *     was not run
   */
  boolean tryRun(Runnable task) {
    if (!inFlight.tryAcquire()) {
      return false;
    }
    try {
      workers.execute(
          () -> {
            try {
              task.run();
            } finally {
              inFlight.release();
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.release();
      return false;
    }
  }

  /** Stops the event loops and the workers, waiting a little for each. */
  @Override
  public void close() {
    accept.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdown();
    accept.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static ExecutorService workers() {
    try {
      Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) virtual.invoke(null);
    } catch (ReflectiveOperationException e) {
      AtomicInteger count = new AtomicInteger();
      return Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "httpserver-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
    }
  }
}
