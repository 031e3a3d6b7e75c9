package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The provider's HTTP server answering every request with one fixed response, with no actor and no
 * NATS: the baseline for measuring what the trip through the actor costs.
 *
 * <p>Requests take the very path the provider's take — same event loops, codec, limits, in-flight
 * bound, mapping of the request to {@code HttpRequest} and of the {@code HttpResponse} back — only
 * the actor call is replaced by a future already completed with {@code response}, so the answer is
 * written at once on the event loop that read the request.
 *
 * <pre>{@code
 * try (DirectServer server = DirectServer.start(
 *     new InetSocketAddress("127.0.0.1", 0), HttpResponse.ok("hello".getBytes(UTF_8)))) {
 *   int port = server.address().getPort();
 *   // load it with wrk, or any HTTP client
 * }
 * }</pre>
 */
public final class DirectServer implements AutoCloseable {
  private final ServerThreads threads;
  private final HttpListener listener;

  private DirectServer(ServerThreads threads, HttpListener listener) {
    this.threads = threads;
    this.listener = listener;
  }

  /**
   * Listens on {@code address} (port 0: any free port) with the default body limit.
   *
   * @throws ListenerException if the address cannot be bound
   */
  public static DirectServer start(InetSocketAddress address, HttpResponse response) {
    return start(address, response, ListenerSettings.DEFAULT_MAX_BODY_BYTES, null);
  }

  /**
   * Listens on {@code address} with a body limit and, when not null, a timeout (which a fixed
   * response never reaches; it arms the same timer the provider arms).
   *
   * @throws ListenerException if the address cannot be bound
   */
  public static DirectServer start(
      InetSocketAddress address, HttpResponse response, int maxBodyBytes, Duration timeout) {
    Objects.requireNonNull(response, "response");
    CompletableFuture<HttpResponse> answer = CompletableFuture.completedFuture(response);
    ServerThreads threads = new ServerThreads();
    try {
      HttpListener listener =
          HttpListener.start(
              threads,
              new ListenerSettings(address, maxBodyBytes, timeout),
              (request, loop) -> answer);
      return new DirectServer(threads, listener);
    } catch (RuntimeException e) {
      threads.close();
      throw e;
    }
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return listener.address();
  }

  /** Closes the listener and its threads. */
  @Override
  public void close() {
    listener.close();
    threads.close();
  }
}
