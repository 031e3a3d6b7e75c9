package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** dev.conf: one node, pub/sub and the lattice metadata bucket work. */
class DevConfigIT {

  @Test
  void servesPubSubAndKeyValue() throws Exception {
    try (NatsServer server =
        NatsServer.builder().withBundledConfig(BundledServerConfig.DEV).build().start()) {
      Connection nc = server.connectionConfig().connect();
      try {
        Subscription sub = nc.subscribe("wasmbus.evt.default");
        nc.flush(Duration.ofSeconds(5));
        nc.publish("wasmbus.evt.default", "hello".getBytes(StandardCharsets.UTF_8));
        Message message = sub.nextMessage(Duration.ofSeconds(5));
        assertThat(message).isNotNull();
        assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");

        nc.keyValueManagement()
            .create(
                KeyValueConfiguration.builder()
                    .name("LATTICEDATA_default")
                    .maxHistoryPerKey(1)
                    .storageType(StorageType.File)
                    .build());
        KeyValue kv = nc.keyValue("LATTICEDATA_default");
        kv.put("CLAIMS_M1", "{\"sub\":\"M1\"}");
        assertThat(kv.get("CLAIMS_M1").getValueAsString()).isEqualTo("{\"sub\":\"M1\"}");
      } finally {
        nc.close();
      }
    }
  }
}
