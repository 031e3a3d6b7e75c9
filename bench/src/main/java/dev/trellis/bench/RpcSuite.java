package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.List;

/**
 * Provider → actor invocations through the host against raw jnats request/reply, same payload and
 * concurrency: the raw responder answers the very bytes the echo actor answers, so the difference
 * is what the host adds (decode, anti-forgery check, queue hand-off, guest call, encode).
 */
final class RpcSuite implements Suite {
  static final String NAME = "rpc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    int cores = Runtime.getRuntime().availableProcessors();
    try (Connection client = server.connectionConfig().connect();
        Connection hostConnection = server.connectionConfig().connect();
        Host host =
            new Host(
                HostConfig.builder()
                    .withLatticePrefix("bench-rpc")
                    .withClusterKey(cluster)
                    .withRpcTimeout(Duration.ofSeconds(5))
                    .build(),
                hostConnection)) {
      HostedEcho echo =
          HostedEcho.start(
              host,
              hostConnection,
              cluster,
              Modules.read("echo-rust"),
              host.defaultActorOptions().withIsolation(Isolation.POOLED).withScale(cores));
      byte[] reply = echo.callOnce(client);
      RequestLoad load = new RequestLoad(client, settings.inFlight());
      Result raw = raw(hostConnection, load, settings, echo.invocation(), reply);
      WarmUp.untilCompiled(
          () ->
              load.run(
                  NAME, "warm-up", echo.subject(), echo.invocation(), warmUp(settings), m -> true));
      Result viaHost =
          load.run(
              NAME,
              "echo-rust via host (pooled, scale " + cores + ")",
              echo.subject(),
              echo.invocation(),
              settings.requests(),
              HostedEcho::succeeded);
      return List.of(raw.versus("baseline"), viaHost.versusRate(raw));
    }
  }

  static int warmUp(Settings settings) {
    return Math.max(100, settings.requests() / 4);
  }

  private static Result raw(
      Connection responderConnection,
      RequestLoad load,
      Settings settings,
      byte[] invocation,
      byte[] reply)
      throws Exception {
    Dispatcher responder =
        responderConnection.createDispatcher(
            m -> responderConnection.publish(m.getReplyTo(), reply));
    responder.subscribe("bench.raw", "bench.raw");
    responderConnection.flush(Duration.ofSeconds(5));
    try {
      WarmUp.untilCompiled(
          () -> load.run(NAME, "warm-up", "bench.raw", invocation, warmUp(settings), m -> true));
      return load.run(
          NAME, "raw jnats request/reply", "bench.raw", invocation, settings.requests(), m -> true);
    } finally {
      responderConnection.closeDispatcher(responder);
    }
  }
}
