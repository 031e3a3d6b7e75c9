package dev.trellis.providers.keyvalue.nats;

import dev.trellis.provider.OperationException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.NUID;
import io.nats.client.ObjectStore;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.ObjectStoreOptions;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values too large for one NATS message, kept in the JetStream object store named like the KV
 * bucket (stream {@code OBJ_{bucket}}, created the first time a value spills). Each write stores a
 * new object under a fresh NUID; the entry points at it; the object of a replaced or deleted value
 * is deleted after the entry changed, so a reader that finds its object gone reads the entry again.
 *
 * <p>Thread-safe. Every method blocks on JetStream requests.
 */
final class Spill {
  private static final Logger LOG = LoggerFactory.getLogger(Spill.class);
  private static final int STREAM_NOT_FOUND = 10059;

  private final Connection connection;
  private final String bucket;
  private final ObjectStoreOptions options;
  private volatile boolean ready;

  Spill(Connection connection, String bucket, ObjectStoreOptions options) {
    this.connection = connection;
    this.bucket = bucket;
    this.options = options;
  }

  /** Stores {@code bytes} and returns the new object's name. */
  String put(byte[] bytes, String action) {
    String name = NUID.nextGlobal();
    try {
      ensureBucket();
      connection.objectStore(bucket, options).put(name, bytes);
      return name;
    } catch (IOException | JetStreamApiException | NoSuchAlgorithmException | RuntimeException e) {
      throw failure(action, "store the value in object store '" + bucket + "'", e);
    }
  }

  /** The bytes of {@code name}, or {@code null} when the object is gone (the value changed). */
  byte[] get(String name, String action) {
    try {
      ObjectStore store = connection.objectStore(bucket, options);
      if (store.getInfo(name) == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ObjectInfo info = store.get(name, out);
      return info == null || info.isDeleted() ? null : out.toByteArray();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(action, "read the value from object store '" + bucket + "'", e);
    } catch (IOException | JetStreamApiException | NoSuchAlgorithmException | RuntimeException e) {
      if (gone(name)) {
        return null;
      }
      throw failure(action, "read the value from object store '" + bucket + "'", e);
    }
  }

  /** Deletes {@code name}; a failure is logged, not thrown (the object is only unreachable). */
  void delete(String name) {
    try {
      connection.objectStore(bucket, options).delete(name);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.warn(
          "spilled value not deleted bucket={} object={} cause={}", bucket, name, e.toString());
    }
  }

  private boolean gone(String name) {
    try {
      ObjectInfo info = connection.objectStore(bucket, options).getInfo(name);
      return info == null || info.isDeleted();
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      return false;
    }
  }

  private void ensureBucket() throws IOException, JetStreamApiException {
    if (ready) {
      return;
    }
    ObjectStoreManagement management = connection.objectStoreManagement(options);
    try {
      management.getStatus(bucket);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
      try {
        management.create(
            ObjectStoreConfiguration.builder(bucket).storageType(StorageType.File).build());
        LOG.info("object store created bucket={}", bucket);
      } catch (JetStreamApiException raced) {
        management.getStatus(bucket); // created by another instance meanwhile: fine if it is there
      }
    }
    ready = true;
  }

  private static OperationException failure(String action, String step, Exception cause) {
    return new OperationException(
        "failed to " + action + ": could not " + step + ": " + cause.getMessage(), cause);
  }
}
