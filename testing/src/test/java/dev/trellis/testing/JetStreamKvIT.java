package dev.trellis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@WithNats
class JetStreamKvIT {

  @Test
  void putsAndGetsAnEntryInAJetStreamKvBucket(NatsFixture nats, Lattice lattice) throws Exception {
    Connection nc = nats.connect();
    KeyValueManagement buckets = nc.keyValueManagement();
    String bucket = "LATTICEDATA_" + lattice.prefix();
    buckets.create(
        KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File).build());
    KeyValue kv = nc.keyValue(bucket);

    long revision =
        kv.put("LINKDEF_1a2b", "{\"link_name\":\"default\"}".getBytes(StandardCharsets.UTF_8));
    KeyValueEntry entry = kv.get("LINKDEF_1a2b");

    assertThat(entry.getValueAsString()).isEqualTo("{\"link_name\":\"default\"}");
    assertThat(entry.getRevision()).isEqualTo(revision);
    assertThat(buckets.getBucketNames()).contains(bucket);
    assertThat(nats.server().storeDir().resolve("jetstream")).isDirectory();
  }
}
