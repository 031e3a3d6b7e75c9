package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Provider → actor invocations through the host against raw jnats request/reply, same payload and
 * concurrency: the raw responder answers the very bytes the echo actor answers.
 */
final class RpcSuite {
  private static final String HTTP_PROVIDER =
      "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";

  private final Connection client;
  private final Connection hostConnection;
  private final int count;
  private final int inFlight;

  RpcSuite(Connection client, Connection hostConnection, int count, int inFlight) {
    this.client = client;
    this.hostConnection = hostConnection;
    this.count = count;
    this.inFlight = inFlight;
  }

  List<Result> run() throws Exception {
    List<Result> results = new ArrayList<>();
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    byte[] request =
        HttpServerCodec.encodeRequest(
            new HttpRequest(
                "GET", "/bench", "", Map.of(), "hello".getBytes(StandardCharsets.UTF_8)));
    RequestLoad load = new RequestLoad(client, inFlight);
    int cores = Runtime.getRuntime().availableProcessors();
    byte[] echoReply = null;
    for (Isolation isolation : List.of(Isolation.POOLED, Isolation.FRESH)) {
      String lattice = "bench-" + isolation.name().toLowerCase();
      try (Host host =
          new Host(
              HostConfig.builder()
                  .withLatticePrefix(lattice)
                  .withClusterKey(cluster)
                  .withRpcTimeout(Duration.ofSeconds(5))
                  .build(),
              hostConnection)) {
        String actor =
            host.startActor(
                    Modules.read("echo-rust"),
                    host.defaultActorOptions().withIsolation(isolation).withScale(cores))
                .publicKey();
        byte[] invocation =
            InvocationCodec.encode(
                new InvocationSigner(cluster, Clock.systemUTC())
                    .sign(
                        WasmCloudEntity.provider(HTTP_PROVIDER, "wasmcloud:httpserver", "default"),
                        WasmCloudEntity.actor(actor),
                        "HttpServer.HandleRequest",
                        request,
                        host.hostId()));
        String subject = Subjects.actorRpc(lattice, actor);
        Message first = client.request(subject, invocation, Duration.ofSeconds(10));
        echoReply = first.getData();
        if (echoReply == null || InvocationResponseCodec.decode(echoReply).error() != null) {
          throw new IllegalStateException("the echo actor did not answer the benchmark request");
        }
        if (results.isEmpty()) {
          results.add(raw(load, invocation, echoReply));
        }
        load.run("warm-up", subject, invocation, count / 4, RpcSuite::succeeded);
        results.add(
            load.run(
                "echo via host (" + isolation.name().toLowerCase() + ", scale " + cores + ")",
                subject,
                invocation,
                count,
                RpcSuite::succeeded));
      }
    }
    return results;
  }

  private Result raw(RequestLoad load, byte[] invocation, byte[] reply) throws Exception {
    Dispatcher responder =
        hostConnection.createDispatcher(m -> hostConnection.publish(m.getReplyTo(), reply));
    responder.subscribe("bench.raw", "bench.raw");
    hostConnection.flush(Duration.ofSeconds(5));
    try {
      load.run("warm-up", "bench.raw", invocation, count / 4, m -> true);
      return load.run("raw jnats request/reply", "bench.raw", invocation, count, m -> true);
    } finally {
      hostConnection.closeDispatcher(responder);
    }
  }

  private static boolean succeeded(Message message) {
    return InvocationResponseCodec.decode(message.getData()).error() == null;
  }
}
