package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.provider.ActorCallException;
import dev.trellis.provider.ActorCallTimeoutException;
import dev.trellis.provider.ActorErrorException;
import dev.trellis.provider.ProviderConnection;
import io.nats.client.JetStreamStatusException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to the linked actor as {@code HttpServer.HandleRequest} (spec §3.6 flow A) and
 * turns the outcome into the HTTP answer:
 *
 * <ul>
 *   <li>the actor's {@code HttpResponse}, as given (see {@link HttpMapping});
 *   <li>500 with the error text when the host answers with an error (the actor failed, or the
 *       invocation was refused), or the actor's answer is not an {@code HttpResponse};
 *   <li>503 when no host runs the actor (NATS "no responders", or a host answering "… that is not
 *       running");
 *   <li>504 when no answer came in time: within the SDK's call timeout ({@code
 *       default_rpc_timeout_ms}, 13 s more for a request over 900 KiB), or the listener's shorter
 *       {@code TIMEOUT_MS}, whose timer answers first; the call then ends too, so a request that
 *       got its 504 no longer holds a place among those waiting.
 * </ul>
 */
final class ActorForwarder implements RequestHandler {
  /** The OTP host's error when the actor's subject is served but no instance runs (Appendix B). */
  static final String NOT_RUNNING = "that is not running";

  private static final Logger LOG = LoggerFactory.getLogger(ActorForwarder.class);

  private final ProviderConnection connection;
  private final LinkDefinition link;
  private final Duration listenerTimeout;

  /**
   * @param listenerTimeout the listener's {@code TIMEOUT_MS}, or null: a call waits no longer than
   *     the listener, whose timer has answered 504 by then
   */
  ActorForwarder(ProviderConnection connection, LinkDefinition link, Duration listenerTimeout) {
    this.connection = connection;
    this.link = link;
    this.listenerTimeout = listenerTimeout;
  }

  /** Encodes and sends the request here; decodes the answer or maps the failure on {@code loop}. */
  @Override
  public CompletableFuture<HttpResponse> handle(HttpRequest request, Executor loop) {
    byte[] payload = HttpServerCodec.encodeRequest(request);
    Duration timeout = callTimeout(payload.length);
    return connection
        .callActorAsync(link, HttpServer.HANDLE_REQUEST, payload, timeout)
        .handleAsync(
            (result, failure) -> failure == null ? decode(result) : failed(failure, timeout), loop);
  }

  /** The SDK's call timeout (longer for a chunked request), or the listener's when shorter. */
  private Duration callTimeout(int payloadLength) {
    Duration timeout = connection.rpcTimeout();
    if (ChunkStore.needsChunking(payloadLength)) {
      timeout = timeout.plus(ProviderConnection.CHUNKED_EXTRA_TIMEOUT);
    }
    return listenerTimeout != null && listenerTimeout.compareTo(timeout) < 0
        ? listenerTimeout
        : timeout;
  }

  private HttpResponse decode(byte[] result) {
    try {
      return HttpServerCodec.decodeResponse(result);
    } catch (DecodeException | IllegalArgumentException e) {
      LOG.warn("invalid answer from actor actor={} reason={}", link.actorId(), e.getMessage());
      return PlainResponses.of(500, "the actor's answer is not an HttpResponse");
    }
  }

  private HttpResponse failed(Throwable failure, Duration timeout) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ActorErrorException e) {
      if (e.error().contains(NOT_RUNNING)) {
        LOG.warn("actor not running actor={} error={}", link.actorId(), e.error());
        return PlainResponses.actorUnavailable();
      }
      LOG.warn("actor failed actor={} error={}", link.actorId(), e.error());
      return PlainResponses.actorFailed(e.error());
    }
    if (cause instanceof ActorCallTimeoutException e) {
      if (isNoResponders(e)) {
        LOG.warn("actor not running actor={} reason={}", link.actorId(), e.getMessage());
        return PlainResponses.actorUnavailable();
      }
      LOG.warn("actor timed out actor={} reason={}", link.actorId(), e.getMessage());
      return PlainResponses.actorTimedOut(timeout.toMillis());
    }
    if (cause instanceof ActorCallException e) {
      LOG.warn("actor call failed actor={} reason={}", link.actorId(), e.getMessage());
      return PlainResponses.of(500, "failed to call the actor");
    }
    LOG.warn("actor call failed actor={} cause={}", link.actorId(), String.valueOf(cause));
    return PlainResponses.of(500, "failed to call the actor");
  }

  private static boolean isNoResponders(ActorCallTimeoutException e) {
    return e.getCause() instanceof JetStreamStatusException status
        && status.getStatus().isNoResponders();
  }
}
