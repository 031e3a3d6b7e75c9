package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pooled against fresh isolation, same actor, payload and concurrency: a pooled instance is reused
 * across calls, a fresh one is instantiated (its linear memory zeroed) for every call.
 */
final class IsolationSuite implements Suite {
  static final String NAME = "isolation";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    List<Result> results = new ArrayList<>();
    try (Connection client = server.connectionConfig().connect();
        Connection hostConnection = server.connectionConfig().connect()) {
      RequestLoad load = new RequestLoad(client, settings.inFlight());
      for (Isolation isolation : List.of(Isolation.POOLED, Isolation.FRESH)) {
        KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
        String mode = isolation.name().toLowerCase(Locale.ROOT);
        try (Host host =
            new Host(
                HostConfig.builder()
                    .withLatticePrefix("bench-" + mode)
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
                  host.defaultActorOptions().withIsolation(isolation).withScale(cores));
          echo.callOnce(client);
          WarmUp.untilCompiled(
              () ->
                  load.run(
                      NAME,
                      "warm-up",
                      echo.subject(),
                      echo.invocation(),
                      RpcSuite.warmUp(settings),
                      m -> true));
          Result line =
              load.run(
                  NAME,
                  "echo-rust " + mode + " (scale " + cores + ")",
                  echo.subject(),
                  echo.invocation(),
                  settings.requests(),
                  HostedEcho::succeeded);
          results.add(
              results.isEmpty() ? line.versus("baseline") : line.versusRate(results.get(0)));
        }
      }
    }
    return results;
  }
}
