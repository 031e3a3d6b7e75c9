package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.actor.ActorOptions;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * An actor started on a host, and what a provider sends it: an HttpServer.HandleRequest invocation
 * signed with the host's cluster key, as the httpserver provider would sign it.
 *
 * @param actorKey the actor's public key
 * @param subject its RPC subject
 * @param invocation the encoded, signed invocation
 */
record HostedEcho(String actorKey, String subject, byte[] invocation) {
  static final String HTTP_PROVIDER = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";

  /** The HTTP request every RPC line sends: {@code GET /bench} with a 5-byte body. */
  static byte[] httpRequest() {
    return HttpServerCodec.encodeRequest(
        new HttpRequest("GET", "/bench", "", Map.of(), "hello".getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Starts {@code module} on {@code host} and signs the bench request for it; returns once the
   * actor's subscription reached the server through {@code hostConnection} (a request sent before
   * that would find no responder).
   */
  static HostedEcho start(
      Host host, Connection hostConnection, KeyPair cluster, byte[] module, ActorOptions options)
      throws TimeoutException, InterruptedException {
    String actor = host.startActor(module, options).publicKey();
    hostConnection.flush(Duration.ofSeconds(10));
    return new HostedEcho(
        actor,
        Subjects.actorRpc(host.config().latticePrefix(), actor),
        InvocationCodec.encode(sign(cluster, actor, host.hostId(), httpRequest())));
  }

  static Invocation sign(KeyPair cluster, String actor, String hostId, byte[] payload) {
    return new InvocationSigner(cluster, Clock.systemUTC())
        .sign(
            WasmCloudEntity.provider(HTTP_PROVIDER, "wasmcloud:httpserver", "default"),
            WasmCloudEntity.actor(actor),
            "HttpServer.HandleRequest",
            payload,
            hostId);
  }

  /** Sends the invocation once and returns the encoded reply, failing on an error reply. */
  byte[] callOnce(Connection client) throws InterruptedException {
    Message reply = client.request(subject, invocation, Duration.ofSeconds(30));
    if (reply == null || !succeeded(reply)) {
      throw new IllegalStateException(
          "actor "
              + actorKey
              + " did not answer the bench request: "
              + (reply == null ? "no reply" : describe(reply)));
    }
    return reply.getData();
  }

  private static String describe(Message reply) {
    try {
      return String.valueOf(InvocationResponseCodec.decode(reply.getData()).error());
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** Whether {@code message} is an InvocationResponse without error (false for anything else). */
  static boolean succeeded(Message message) {
    try {
      return InvocationResponseCodec.decode(message.getData()).error() == null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
