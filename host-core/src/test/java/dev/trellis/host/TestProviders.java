package dev.trellis.host;

import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a provider does on the wire, done by hand with {@code interfaces}' code: sign and send
 * invocations to actors, and answer an actor's invocations on a provider subject.
 */
final class TestProviders {
  static final String HTTP_PROVIDER = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";
  static final String KV_PROVIDER = "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB";

  private TestProviders() {}

  static WasmCloudEntity httpServer() {
    return WasmCloudEntity.provider(HTTP_PROVIDER, "wasmcloud:httpserver", "default");
  }

  /** Sends {@code invocation} and decodes the reply. */
  static InvocationResponse send(Connection nc, String subject, Invocation invocation)
      throws Exception {
    Message reply = nc.request(subject, InvocationCodec.encode(invocation), Duration.ofSeconds(10));
    if (reply == null) {
      throw new AssertionError("no reply on " + subject);
    }
    return InvocationResponseCodec.decode(reply.getData());
  }

  static Invocation sign(
      InvocationSigner signer, WasmCloudEntity origin, String actor, String op, byte[] msg) {
    return signer.sign(origin, WasmCloudEntity.actor(actor), op, msg, "N" + "A".repeat(55));
  }

  /** Answers invocations on {@code subject} with {@code handler}; returns the dispatcher. */
  static Dispatcher serve(
      Connection nc, String subject, Function<Invocation, InvocationResponse> handler) {
    Dispatcher d =
        nc.createDispatcher(
            m -> {
              Invocation inv = InvocationCodec.decode(m.getData());
              nc.publish(m.getReplyTo(), InvocationResponseCodec.encode(handler.apply(inv)));
            });
    d.subscribe(subject, "rpc");
    return d;
  }
}
