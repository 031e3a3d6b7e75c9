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
 *       default_rpc_timeout_ms}, 13 s more for a request over 900 KiB) here, or the listener's
 *       shorter {@code TIMEOUT_MS}, whose timer answers first.
 * </ul>
 */
final class ActorForwarder implements RequestHandler {
  /** The SDK waits this much longer for a request that goes through the object store. */
  static final Duration CHUNKED_EXTRA = Duration.ofSeconds(13);

  /** The OTP host's error when the actor's subject is served but no instance runs (Appendix B). */
  static final String NOT_RUNNING = "that is not running";

  private static final Logger LOG = LoggerFactory.getLogger(ActorForwarder.class);

  private final ProviderConnection connection;
  private final LinkDefinition link;

  ActorForwarder(ProviderConnection connection, LinkDefinition link) {
    this.connection = connection;
    this.link = link;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    byte[] payload = HttpServerCodec.encodeRequest(request);
    byte[] result;
    try {
      result = connection.callActor(link, HttpServer.HANDLE_REQUEST, payload);
    } catch (ActorErrorException e) {
      if (e.error().contains(NOT_RUNNING)) {
        LOG.warn("actor not running actor={} error={}", link.actorId(), e.error());
        return PlainResponses.actorUnavailable();
      }
      LOG.warn("actor failed actor={} error={}", link.actorId(), e.error());
      return PlainResponses.actorFailed(e.error());
    } catch (ActorCallTimeoutException e) {
      if (isNoResponders(e)) {
        LOG.warn("actor not running actor={} reason={}", link.actorId(), e.getMessage());
        return PlainResponses.actorUnavailable();
      }
      LOG.warn("actor timed out actor={} reason={}", link.actorId(), e.getMessage());
      Duration waited = connection.hostData().rpcTimeout();
      if (ChunkStore.needsChunking(payload.length)) {
        waited = waited.plus(CHUNKED_EXTRA);
      }
      return PlainResponses.actorTimedOut(waited.toMillis());
    } catch (ActorCallException e) {
      LOG.warn("actor call failed actor={} reason={}", link.actorId(), e.getMessage());
      return PlainResponses.of(500, "failed to call the actor");
    }
    try {
      return HttpServerCodec.decodeResponse(result);
    } catch (DecodeException | IllegalArgumentException e) {
      LOG.warn("invalid answer from actor actor={} reason={}", link.actorId(), e.getMessage());
      return PlainResponses.of(500, "the actor's answer is not an HttpResponse");
    }
  }

  private static boolean isNoResponders(ActorCallTimeoutException e) {
    return e.getCause() instanceof JetStreamStatusException status
        && status.getStatus().isNoResponders();
  }
}
