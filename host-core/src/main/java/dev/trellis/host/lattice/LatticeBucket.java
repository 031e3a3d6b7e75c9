package dev.trellis.host.lattice;

import dev.trellis.interfaces.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;

/**
 * The lattice's metadata bucket {@code LATTICEDATA_{prefix}} (controlplane §4.1): claims, links and
 * reference maps, the single source of truth shared by every host. Created when missing with OTP's
 * settings (history 1, file storage); an existing bucket — e.g. pre-created with 3 replicas for
 * production — is reused as it is.
 */
public final class LatticeBucket {
  private LatticeBucket() {}

  /**
   * Opens the bucket of {@code lattice}, creating it first if needed.
   *
   * @param options JetStream options (a JetStream domain, say); may be null
   * @param replicas replicas for a bucket this call creates
   */
  public static KeyValue open(
      Connection connection, String lattice, KeyValueOptions options, int replicas) {
    String bucket = Subjects.latticeDataBucket(lattice);
    try {
      KeyValueManagement management =
          options == null
              ? connection.keyValueManagement()
              : connection.keyValueManagement(options);
      try {
        management.getStatus(bucket);
      } catch (JetStreamApiException missing) {
        create(management, bucket, replicas);
      }
      return options == null ? connection.keyValue(bucket) : connection.keyValue(bucket, options);
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException(
          "failed to open the lattice metadata bucket "
              + bucket
              + ": "
              + e.getMessage()
              + "; is JetStream enabled on the NATS server (nats-server -js)?",
          e);
    }
  }

  private static void create(KeyValueManagement management, String bucket, int replicas)
      throws IOException, JetStreamApiException {
    try {
      management.create(
          KeyValueConfiguration.builder()
              .name(bucket)
              .maxHistoryPerKey(1)
              .storageType(StorageType.File)
              .replicas(replicas)
              .build());
    } catch (JetStreamApiException e) {
      // Another host created it meanwhile: reuse it.
      management.getStatus(bucket);
    }
  }
}
