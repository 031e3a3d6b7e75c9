package dev.trellis.host.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.Corpus;
import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.ActorLimits;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Hostile actors under load must not take the host from the others: the echo actor's p99 latency is
 * measured alone, then while a busy-loop actor and a memory-bomb actor are hammered on the same
 * host (each call runs until its 500 ms deadline or its 64 MiB memory limit). The margin: with the
 * hostiles, echo's p99 stays under {@value #FACTOR} × its p99 alone + {@value #SLACK_MS} ms. On a
 * 2-core machine the loop actor alone keeps one core busy, so the margin is wide on purpose: it
 * catches a host that lets hostiles starve or stall the others (p99 of seconds, timeouts), not the
 * CPU they fairly take. Both figures are printed.
 */
@WithNats
class HostileActorsIT {
  private static final int FACTOR = 10;
  private static final int SLACK_MS = 100;
  private static final int CALLS = 1_000;

  @Test
  void hostileActorsDoNotMoveTheOthersP99PastTheMargin(
      NatsFixture nats, Connection nc, Lattice lattice) throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    try (Host host =
        new Host(
            HostConfig.builder()
                .withLatticePrefix(lattice.prefix())
                .withClusterKey(cluster)
                .withRpcTimeout(Duration.ofSeconds(2))
                .build(),
            nc)) {
      String echo =
          host.startActor(Corpus.module("echo-c"), host.defaultActorOptions().withScale(2))
              .publicKey();
      ActorLimits hostileLimits =
          ActorLimits.DEFAULT.withCallTimeout(Duration.ofMillis(500)).withMaxMemoryPages(1024);
      String loop =
          host.startActor(
                  Corpus.module("hostile-loop"),
                  host.defaultActorOptions().withLimits(hostileLimits).withScale(2))
              .publicKey();
      String bomb =
          host.startActor(
                  Corpus.module("hostile-memory-bomb"),
                  host.defaultActorOptions().withLimits(hostileLimits).withScale(2))
              .publicKey();
      nc.flush(Duration.ofSeconds(5));
      HttpCalls calls =
          new HttpCalls(
              nats.connect(), cluster, lattice.prefix(), host.hostId(), Duration.ofSeconds(10));
      await().atMost(Duration.ofSeconds(30)).until(() -> calls.call(echo, "/warm").ok());
      measure(calls, echo); // warm-up, not counted

      Latency alone = measure(calls, echo);
      Latency withHostiles;
      HttpCalls hostileCalls =
          new HttpCalls(
              nats.connect(), cluster, lattice.prefix(), host.hostId(), Duration.ofSeconds(10));
      try (LoadLoop loops = new LoadLoop("loop", 2, () -> hostileCalls.call(loop, "/"));
          LoadLoop bombs = new LoadLoop("bomb", 2, () -> hostileCalls.call(bomb, "/"))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> loops.outcomes().size() >= 2 && bombs.outcomes().size() >= 2);
        withHostiles = measure(calls, echo);
        loops.stop();
        bombs.stop();
        System.out.printf(
            Locale.ROOT,
            "hostile actors under load: echo p50/p99 alone %.1f/%.1f ms, with hostiles %.1f/%.1f"
                + " ms (margin: p99 < %d × alone + %d ms = %.1f ms); hostile calls: %d loop, %d"
                + " memory bomb, e.g. %s | %s%n",
            alone.p50Millis(),
            alone.p99Millis(),
            withHostiles.p50Millis(),
            withHostiles.p99Millis(),
            FACTOR,
            SLACK_MS,
            margin(alone),
            loops.outcomes().size(),
            bombs.outcomes().size(),
            loops.outcomes().get(0).text(),
            bombs.outcomes().get(0).text());
        assertThat(loops.outcomes()).as("every loop call fails").noneMatch(Outcome::ok);
        assertThat(bombs.outcomes()).as("every memory bomb call fails").noneMatch(Outcome::ok);
      }
      assertThat(alone.errors()).isZero();
      assertThat(withHostiles.errors()).as("echo calls failed with hostiles running").isZero();
      assertThat(withHostiles.p99Millis()).isLessThan(margin(alone));
    }
  }

  private static double margin(Latency alone) {
    return FACTOR * alone.p99Millis() + SLACK_MS;
  }

  /** {@value #CALLS} echo calls on 4 threads; their latency quantiles and failures. */
  private static Latency measure(HttpCalls calls, String echo) throws InterruptedException {
    List<Outcome> outcomes;
    try (LoadLoop load = new LoadLoop("echo", 4, () -> calls.call(echo, "/echo"))) {
      await().atMost(Duration.ofSeconds(120)).until(() -> load.outcomes().size() >= CALLS);
      load.stop();
      outcomes = load.outcomes();
    }
    long[] nanos = outcomes.stream().mapToLong(Outcome::latencyNanos).sorted().toArray();
    return new Latency(
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) Math.min(nanos.length - 1, Math.round(0.99 * (nanos.length - 1)))] / 1e6,
        outcomes.stream().filter(o -> !o.ok()).count());
  }

  /** Echo latency quantiles of one measurement, and its failed calls. */
  private record Latency(double p50Millis, double p99Millis, long errors) {}
}
