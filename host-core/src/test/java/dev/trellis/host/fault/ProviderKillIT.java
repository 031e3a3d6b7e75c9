package dev.trellis.host.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.Corpus;
import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.claims.InMemoryClaimsStore;
import dev.trellis.host.lattice.RefMaps;
import dev.trellis.host.link.InMemoryLinkStore;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.host.provider.RestartPolicy;
import dev.trellis.host.provider.SupervisedProvider;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a provider under load: the SDK-built test provider, started from its archive
 * by the host's supervisor, serves KeyValue.Increment to the kvcounter actor while two threads send
 * it HTTP requests. After the kill, calls must fail with a clear text from the host (none left
 * unanswered: the host's RPC timeout is shorter than the client's), the supervisor must restart the
 * provider with the link, and the counter must answer again. The figures (failures, their texts,
 * time until serving again) are printed.
 */
@WithNats
class ProviderKillIT {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path cache;

  @Test
  void aKilledProviderIsRestartedAndServesAgain(NatsFixture nats, Connection nc, Lattice lattice)
      throws Exception {
    Path archive = root().resolve("providers/test-provider/target/test-provider.par.gz");
    assertThat(Files.isRegularFile(archive))
        .as("the test provider archive (built by providers/test-provider in this reactor)")
        .isTrue();
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    RestartPolicy fast =
        new RestartPolicy(
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            10,
            Duration.ofMinutes(1));
    HostConfig config =
        HostConfig.builder()
            .withLatticePrefix(lattice.prefix())
            .withClusterKey(cluster)
            .withRpcTimeout(RPC_TIMEOUT)
            .build();
    SupervisorConfig supervisor =
        SupervisorConfig.defaults(nats.url().replaceFirst("^nats://", ""))
            .withRestart(fast)
            .withHealth(Duration.ofMillis(500), Duration.ofSeconds(1))
            .withCacheDir(cache);
    try (Host host =
        new Host(
            config,
            nc,
            nc,
            new InMemoryLinkStore(),
            new InMemoryClaimsStore(),
            new RefMaps(null),
            supervisor)) {
      ProviderSpec spec =
          ProviderSpec.fromArchive(archive, "default", cache, null, Clock.systemUTC());
      SupervisedProvider provider = (SupervisedProvider) host.startProvider(spec);
      String actor =
          host.startActor(Corpus.module("kvcounter-c"), host.defaultActorOptions().withScale(8))
              .publicKey();
      // Put while the provider process is still starting: it reaches the provider when the new
      // instance first answers a health check.
      host.links()
          .put(
              new LinkDefinition(
                  actor, provider.providerKey(), "default", "wasmcloud:keyvalue", Map.of()));
      Connection client = nats.connect();
      HttpCalls calls =
          new HttpCalls(client, cluster, lattice.prefix(), host.hostId(), Duration.ofSeconds(10));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(() -> assertThat(calls.call(actor, "/fault")).matches(Outcome::ok));

      long killedAt;
      long oldPid = provider.pid();
      try (LoadLoop load = new LoadLoop("kv-load", 4, () -> calls.call(actor, "/fault"))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> load.outcomes().stream().filter(Outcome::ok).count() >= 50);
        killedAt = System.nanoTime();
        ProcessHandle old = ProcessHandle.of(oldPid).orElseThrow();
        assertThat(old.destroyForcibly()).isTrue();
        old.onExit().get(10, TimeUnit.SECONDS);
        // The load threads' calls in flight at the kill wait for the RPC timeout; a prober sends
        // new calls from the moment the process is gone, so the gap until the restarted provider
        // subscribes is seen.
        List<Outcome> after;
        List<Outcome> probed;
        long restartedAt;
        try (LoadLoop probe = new LoadLoop("kv-probe", 1, () -> calls.call(actor, "/fault"))) {
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(20))
              .until(() -> provider.pid() > 0 && provider.pid() != oldPid);
          restartedAt = System.nanoTime();
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      LoadLoop.tailOk(load.sentSince(killedAt), 20)
                          && LoadLoop.tailOk(probe.sentSince(killedAt), 5));
          probe.stop();
          load.stop();
          probed = probe.sentSince(killedAt);
          after = Stream.concat(load.endedSince(killedAt).stream(), probed.stream()).toList();
        }
        List<Outcome> failures = after.stream().filter(o -> !o.ok()).toList();
        long recovery = LoadLoop.recoveryMillis(probed, killedAt);
        long slowestFailure =
            failures.stream().mapToLong(Outcome::latencyNanos).max().orElse(0) / 1_000_000;
        System.out.printf(
            "provider kill -9 under load: restarted (new pid) after %d ms, serving again after %d"
                + " ms; %d of %d calls ending after the kill failed (%d of %d probes), slowest"
                + " failure took %d ms; failure texts: %s%n",
            TimeUnit.NANOSECONDS.toMillis(restartedAt - killedAt),
            recovery,
            failures.size(),
            after.size(),
            probed.stream().filter(o -> !o.ok()).count(),
            probed.size(),
            slowestFailure,
            LoadLoop.failureTexts(after));

        assertThat(failures)
            .as("every failure says what failed")
            .allSatisfy(o -> assertThat(o.text()).isNotBlank().doesNotContain("null"));
        assertThat(failures)
            .as(
                "the host answered every failed call (its RPC timeout is shorter than the client's)")
            .noneMatch(o -> o.text().startsWith("no reply within"));
        assertThat(recovery).as("calls recovered").isNotNegative();
      }
    }
  }

  static Path root() {
    String configured = System.getProperty("trellis.root");
    if (configured != null && Files.isDirectory(Path.of(configured, "providers"))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("providers/test-provider"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find providers/test-provider above the working directory");
    }
    return dir;
  }
}
