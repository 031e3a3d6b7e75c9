package dev.trellis.nats.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.ObjectStoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks through a real nats-server's object store. (The {@code testing} module's {@code @WithNats}
 * depends on this module, so this class starts its server with {@link NatsServer} directly.)
 */
class ChunkStoreIT {
  private static final int TEN_MIB = 10 * 1024 * 1024;

  private static NatsServer server;
  private static Connection nc;

  @BeforeAll
  static void start() {
    server = NatsServer.builder().build().start();
    nc = server.connectionConfig().connect();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (nc != null) {
      nc.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void movesA10MibRequestThroughABucketCreatedOnDemand() throws Exception {
    ChunkStore store = ChunkStore.of(nc, "chunks-request", null);
    byte[] payload = randomBytes(TEN_MIB, 1);

    store.putRequest("inv-1", payload);

    assertThat(nc.objectStoreManagement().getBucketNames()).contains("chunks-request");
    assertThat(nc.objectStore("chunks-request").getInfo("inv-1").getSize()).isEqualTo(TEN_MIB);
    assertThat(store.takeRequest("inv-1")).isEqualTo(payload);
    assertThat(nc.objectStore("chunks-request").getInfo("inv-1")).isNull();
  }

  @Test
  void responsesLiveUnderTheIdWithSuffixR() throws Exception {
    ChunkStore sender = ChunkStore.of(nc, "chunks-response", "");
    ChunkStore receiver = ChunkStore.of(nc, "chunks-response", null);
    byte[] payload = randomBytes(TEN_MIB, 2);

    sender.putResponse("7f1c", payload);

    assertThat(nc.objectStore("chunks-response").getInfo("7f1c-r")).isNotNull();
    assertThat(receiver.takeResponse("7f1c")).isEqualTo(payload);
  }

  @Test
  void takingAMissingObjectNamesBucketAndObject() {
    ChunkStore store = ChunkStore.of(nc, "chunks-missing", null);
    store.putRequest("present", new byte[] {1, 2, 3});

    assertThat(store.takeRequest("present")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> store.takeRequest("present"))
        .isInstanceOf(ChunkingException.class)
        .hasMessageStartingWith(
            "failed to fetch chunked payload 'present' in object store bucket 'chunks-missing': ");
  }

  @Test
  void honoursAJetStreamDomain(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("domain.conf"), "jetstream { domain: hub }\n");
    try (NatsServer hub = NatsServer.builder().withConfigFile(config).build().start()) {
      Connection conn = hub.connectionConfig().connect();
      try {
        ChunkStore store = ChunkStore.of(conn, "chunks-domain", "hub");
        byte[] payload = randomBytes(TEN_MIB, 3);

        store.putRequest("in-hub", payload);

        ObjectStoreOptions inHub =
            ObjectStoreOptions.builder(JetStreamOptions.builder().domain("hub").build()).build();
        assertThat(conn.objectStore("chunks-domain", inHub).getInfo("in-hub")).isNotNull();
        assertThat(store.takeRequest("in-hub")).isEqualTo(payload);
      } finally {
        conn.close();
      }
    }
  }

  @Test
  void failsWithAHintWhenJetStreamIsOff() {
    try (NatsServer plain = NatsServer.builder().withJetStream(false).build().start()) {
      Connection conn = plain.connectionConfig().connect();
      try {
        ChunkStore store = ChunkStore.of(conn, "nojs", null);
        assertThatThrownBy(() -> store.putRequest("x", new byte[] {1}))
            .isInstanceOf(ChunkingException.class)
            .hasMessageContaining("'x' in object store bucket 'nojs'")
            .hasMessageEndingWith(
                "; check that JetStream is enabled on the NATS server (and the JetStream domain)");
      } finally {
        conn.close();
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
