package dev.trellis.host.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.Corpus;
import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.LatticeHost;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.CtlOperationAck;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.NatsServer;
import dev.trellis.testing.Lattice;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nats-server stopped and started again on the same port and JetStream store while a lattice host
 * serves an echo actor under load: the host's connections reconnect on their own (4 s back-off, as
 * wasmCloud hosts do), calls work again, the links stored in the lattice bucket before the restart
 * are all still there, and the control interface and the bucket take new links afterwards, which
 * reach the host's own view of the links once its bucket watch has been re-created.
 */
class NatsRestartIT {
  private static final String KV_PROVIDER = KeyPair.generate(KeyType.SERVICE).publicKey();

  @TempDir Path store;

  @Test
  void theHostReconnectsAndNoLinkIsLost() throws Exception {
    String lattice = Lattice.unique("restart").prefix();
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    NatsServer first =
        NatsServer.builder().withPort(0).withJetStream(true).withStoreDir(store).build().start();
    int port = first.port();
    NatsServer second = null;
    try (Connection ctl = first.connectionConfig().connect();
        Connection rpc = first.connectionConfig().connect();
        Connection client = first.connectionConfig().connect();
        LatticeHost latticeHost =
            LatticeHost.start(
                HostConfig.builder().withLatticePrefix(lattice).withClusterKey(cluster).build(),
                ctl,
                rpc,
                SupervisorConfig.defaults("127.0.0.1:" + port))) {
      Host host = latticeHost.host();
      String actor = host.startActor(Corpus.module("echo-rust")).publicKey();
      LinkDefinition before =
          new LinkDefinition(actor, KV_PROVIDER, "default", "wasmcloud:keyvalue", Map.of("k", "v"));
      host.links().put(before);
      await().atMost(Duration.ofSeconds(10)).until(() -> linkKeys(client, lattice).size() == 1);
      rpc.flush(Duration.ofSeconds(5));

      HttpCalls calls =
          new HttpCalls(client, cluster, lattice, host.hostId(), Duration.ofSeconds(5));
      long stoppedAt;
      long startedAt;
      try (LoadLoop load = new LoadLoop("echo-load", 2, () -> calls.call(actor, "/restart"))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> load.outcomes().stream().filter(Outcome::ok).count() >= 50);
        stoppedAt = System.nanoTime();
        first.stop();
        second =
            NatsServer.builder()
                .withPort(port)
                .withJetStream(true)
                .withStoreDir(store)
                .build()
                .start();
        startedAt = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> LoadLoop.tailOk(load.sentSince(startedAt), 20));
        load.stop();
        List<Outcome> after = load.endedSince(stoppedAt);
        long failures = after.stream().filter(o -> !o.ok()).count();
        System.out.printf(
            "nats-server restart under load: server down for %d ms, calls served again %d ms after"
                + " the stop; %d of %d calls ending after the stop failed; failure texts: %s%n",
            TimeUnit.NANOSECONDS.toMillis(startedAt - stoppedAt),
            LoadLoop.recoveryMillis(load.sentSince(stoppedAt), stoppedAt),
            failures,
            after.size(),
            LoadLoop.failureTexts(after));
      }

      assertThat(host.links().all()).as("the host's links").containsExactly(before);
      assertThat(linkKeys(client, lattice)).as("links in the lattice bucket").hasSize(1);

      LinkDefinition viaHost =
          new LinkDefinition(actor, KV_PROVIDER, "other", "wasmcloud:keyvalue", Map.of());
      host.links().put(viaHost);
      LinkDefinition viaControl =
          new LinkDefinition(actor, KV_PROVIDER, "third", "wasmcloud:keyvalue", Map.of());
      Message ack =
          client.request(
              Subjects.ctlLinkdefsPut(Subjects.DEFAULT_CTL_PREFIX, lattice),
              CommandCodec.encodeLinkPut(viaControl),
              Duration.ofSeconds(10));
      assertThat(ack).as("the control interface answers after the restart").isNotNull();
      assertThat(CommandCodec.decodeAck(ack.getData())).isEqualTo(CtlOperationAck.success());
      await().atMost(Duration.ofSeconds(10)).until(() -> linkKeys(client, lattice).size() == 3);
      // The host's view follows the bucket through a KV watch, which jnats re-creates only when
      // its idle-heartbeat alarm fires after the restart (~20 s here): bounded, not immediate.
      long putAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () ->
                  assertThat(host.links().all())
                      .containsExactlyInAnyOrder(before, viaHost, viaControl));
      System.out.printf(
          "nats-server restart: links put after the restart reached the host's view after %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - putAt));
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  private static List<String> linkKeys(Connection nc, String lattice) throws Exception {
    return nc.keyValue(Subjects.latticeDataBucket(lattice)).keys().stream()
        .filter(k -> k.startsWith(Subjects.LINKDEF_KEY_PREFIX))
        .toList();
  }
}
