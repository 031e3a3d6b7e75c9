package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** leaf-hub.conf and leaf.conf: messages cross the leaf connection both ways. */
class LeafConfigIT {

  @Test
  void messagesCrossBetweenLeafAndHub() throws Exception {
    try (NatsHubAndLeaf pair = NatsHubAndLeaf.start()) {
      Connection hub = pair.hub().connectionConfig().connect();
      Connection leaf = pair.leaf().connectionConfig().connect();
      try {
        assertThat(deliveredFrom(leaf, hub, "wasmbus.evt.default")).isEqualTo("hello");
        assertThat(deliveredFrom(hub, leaf, "wasmbus.rpc.default.MACTOR")).isEqualTo("hello");
        assertThat(pair.leaf().output()).anyMatch(line -> line.contains("Leafnode connection"));
      } finally {
        hub.close();
        leaf.close();
      }
    }
  }

  /** Publishes on {@code from} until {@code to}'s subscriber sees it (interest travels async). */
  private static String deliveredFrom(Connection from, Connection to, String subject)
      throws Exception {
    Subscription sub = to.subscribe(subject);
    to.flush(Duration.ofSeconds(5));
    AtomicReference<Message> got = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              from.publish(subject, "hello".getBytes(StandardCharsets.UTF_8));
              got.set(sub.nextMessage(Duration.ofMillis(200)));
              return got.get() != null;
            });
    return new String(got.get().getData(), StandardCharsets.UTF_8);
  }
}
