package dev.trellis.host.fault;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the httpserver provider does for one HTTP request: signs an HttpServer.HandleRequest
 * invocation with the cluster key and requests the actor's subject; the outcome is a success only
 * for an InvocationResponse without error carrying HTTP status 2xx.
 */
final class HttpCalls {
  static final String HTTP_PROVIDER = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";

  private final Connection client;
  private final InvocationSigner signer;
  private final String lattice;
  private final String hostId;
  private final Duration timeout;

  HttpCalls(Connection client, KeyPair cluster, String lattice, String hostId, Duration timeout) {
    this.client = client;
    this.signer = new InvocationSigner(cluster, Clock.systemUTC());
    this.lattice = lattice;
    this.hostId = hostId;
    this.timeout = timeout;
  }

  /** Sends {@code GET path} to {@code actor} and waits for the outcome; never throws. */
  Outcome call(String actor, String path) {
    long start = System.nanoTime();
    boolean ok = false;
    String text;
    try {
      byte[] request =
          HttpServerCodec.encodeRequest(new HttpRequest("GET", path, "", Map.of(), new byte[0]));
      byte[] invocation =
          InvocationCodec.encode(
              signer.sign(
                  WasmCloudEntity.provider(HTTP_PROVIDER, "wasmcloud:httpserver", "default"),
                  WasmCloudEntity.actor(actor),
                  "HttpServer.HandleRequest",
                  request,
                  hostId));
      Message reply = client.request(Subjects.actorRpc(lattice, actor), invocation, timeout);
      if (reply == null) {
        text = "no reply within " + timeout.toMillis() + " ms";
      } else {
        InvocationResponse response = InvocationResponseCodec.decode(reply.getData());
        if (response.error() != null) {
          text = "invocation error: " + response.error();
        } else {
          HttpResponse http = HttpServerCodec.decodeResponse(response.msg());
          ok = http.statusCode() / 100 == 2;
          text =
              ok
                  ? ""
                  : "HTTP "
                      + http.statusCode()
                      + ": "
                      + new String(http.body(), StandardCharsets.UTF_8);
        }
      }
    } catch (Exception e) {
      text = "client: " + e;
    }
    return new Outcome(start, System.nanoTime() - start, ok, text);
  }
}
