package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.api.KeyValueConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill(): SIGKILL as a crash, the explicit store survives for a successor. */
class NatsServerKillIT {

  @Test
  void killEndsTheProcessAtOnceAndKeepsAnExplicitStore(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    NatsServer first = NatsServer.builder().withStoreDir(store).build().start();
    long pid = first.pid();
    Connection nc = first.connectionConfig().connect();
    try {
      nc.keyValueManagement().create(KeyValueConfiguration.builder().name("survivor").build());
      nc.keyValue("survivor").put("k", "v");
    } finally {
      nc.close();
    }

    first.kill();

    assertThat(first.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    first.kill();
    first.close();
    try (NatsServer second = NatsServer.builder().withStoreDir(store).build().start()) {
      Connection again = second.connectionConfig().connect();
      try {
        assertThat(again.keyValue("survivor").get("k").getValueAsString()).isEqualTo("v");
      } finally {
        again.close();
      }
    }
  }

  @Test
  void environmentVariablesReachTheServerProcess() {
    try (NatsServer server =
        NatsServer.builder()
            .withBundledConfig(BundledServerConfig.LEAF_HUB)
            .addEnvironment("TRELLIS_LEAF_LISTEN", "127.0.0.1:" + FreePorts.pick("127.0.0.1"))
            .build()
            .start()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(server.output())
                      .anyMatch(l -> l.contains("Listening for leafnode connections")));
    }
  }
}
