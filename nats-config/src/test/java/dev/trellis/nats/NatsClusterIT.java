package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cluster-node.conf through NatsCluster: routing across nodes, replicated KV, failover. */
class NatsClusterIT {
  private static NatsCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NatsCluster.builder().build().start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aMessagePublishedOnNodeOneReachesASubscriberOnNodeThree() throws Exception {
    Connection one = NatsConfig.of(cluster.urls().get(0)).connect();
    Connection three = NatsConfig.of(cluster.urls().get(2)).connect();
    try {
      Subscription sub = three.subscribe("wasmbus.rpc.default.MACTOR");
      three.flush(Duration.ofSeconds(5));
      AtomicReference<Message> got = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                one.publish("wasmbus.rpc.default.MACTOR", bytes("routed"));
                got.set(sub.nextMessage(Duration.ofMillis(200)));
                return got.get() != null;
              });

      assertThat(new String(got.get().getData(), StandardCharsets.UTF_8)).isEqualTo("routed");
      assertThat(cluster.node(0).output()).anyMatch(l -> l.contains("Route connection created"));
    } finally {
      one.close();
      three.close();
    }
  }

  @Test
  void aBucketWithThreeReplicasSurvivesKillingItsLeaderAndTheNodeRejoins() throws Exception {
    String bucket = "LATTICEDATA_failover";
    Connection nc = cluster.connectionConfig().connect();
    try {
      nc.keyValueManagement()
          .create(
              KeyValueConfiguration.builder()
                  .name(bucket)
                  .replicas(3)
                  .maxHistoryPerKey(1)
                  .storageType(StorageType.File)
                  .build());
      KeyValue kv = nc.keyValue(bucket);
      kv.put("CLAIMS_M1", "v1");
      String leader =
          nc.jetStreamManagement().getStreamInfo("KV_" + bucket).getClusterInfo().getLeader();
      int victim = indexOf(leader);

      cluster.kill(victim);

      assertThat(cluster.node(victim).isRunning()).isFalse();
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(kv.get("CLAIMS_M1").getValueAsString()).isEqualTo("v1");
                kv.put("CLAIMS_M1", "v2");
              });

      cluster.restart(victim);

      Connection rejoined = NatsConfig.of(cluster.urls().get(victim)).connect();
      try {
        KeyValue again = rejoined.keyValue(bucket);
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .untilAsserted(
                () -> assertThat(again.get("CLAIMS_M1").getValueAsString()).isEqualTo("v2"));
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .untilAsserted(
                () ->
                    assertThat(
                            rejoined
                                .jetStreamManagement()
                                .getStreamInfo("KV_" + bucket)
                                .getClusterInfo()
                                .getReplicas())
                        .allMatch(r -> r.isCurrent()));
      } finally {
        rejoined.close();
      }
    } finally {
      nc.close();
    }
  }

  private static int indexOf(String nodeName) {
    for (int i = 0; i < cluster.size(); i++) {
      if (cluster.nodeName(i).equals(nodeName)) {
        return i;
      }
    }
    throw new AssertionError("no node named " + nodeName);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
