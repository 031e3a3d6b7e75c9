package dev.trellis.nats.chunking;

import dev.trellis.interfaces.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.ObjectStore;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.ObjectStoreOptions;
import io.nats.client.api.ObjectStoreConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Puts and takes chunked invocation payloads in the JetStream object store of one lattice (spec
 * dataplane §5).
 *
 * <ul>
 *   <li>Bucket: the lattice prefix ({@link Subjects#chunkBucket}), created with the default
 *       configuration the first time this store puts an object and finds it missing; in the
 *       JetStream domain given at construction (OTP passes {@code WASMCLOUD_JS_DOMAIN}; rpc-rs 0.15
 *       ignores domains).
 *   <li>Objects: {@code {invocation id}} for a request ({@link #putRequest}, {@link #takeRequest}),
 *       {@code {invocation id}-r} for a response ({@link #putResponse}, {@link #takeResponse}).
 *   <li>Threshold: payloads strictly longer than {@link #THRESHOLD_BYTES} (900 KiB, rpc-rs ≥ 0.11
 *       and OTP's actor responses) are chunked; see {@link #needsChunking}.
 *   <li>Take = get, then delete; a failed delete is logged and otherwise ignored, as in rpc-rs and
 *       OTP.
 * </ul>
 *
 * <p>Every method blocks on JetStream requests: never call one on a NATS dispatcher thread.
 * Thread-safe.
 */
public final class ChunkStore {
  /** Payloads longer than this many bytes (900 KiB = 921,600) travel through the object store. */
  public static final int THRESHOLD_BYTES = 900 * 1024;

  /** JetStream API error code "stream not found": the bucket does not exist yet. */
  private static final int STREAM_NOT_FOUND = 10059;

  private static final Logger LOG = System.getLogger(ChunkStore.class.getName());

  private final Connection connection;
  private final String bucket;
  private final ObjectStoreOptions options;
  private volatile boolean bucketReady;

  private ChunkStore(Connection connection, String bucket, ObjectStoreOptions options) {
    this.connection = connection;
    this.bucket = bucket;
    this.options = options;
  }

  /**
   * A store for the chunks of {@code lattice}.
   *
   * @param connection an open connection with JetStream enabled on its server
   * @param lattice the lattice prefix, which is also the bucket name
   * @param jsDomain the JetStream domain, or {@code null}/blank for the connection's own
   */
  public static ChunkStore of(Connection connection, String lattice, String jsDomain) {
    Objects.requireNonNull(connection, "connection");
    String bucket = Subjects.chunkBucket(lattice);
    JetStreamOptions js =
        JetStreamOptions.builder()
            .domain(jsDomain == null || jsDomain.isBlank() ? null : jsDomain.strip())
            .build();
    return new ChunkStore(connection, bucket, ObjectStoreOptions.builder(js).build());
  }

  /** Whether a payload of {@code length} bytes must be chunked: {@code length > 921,600}. */
  public static boolean needsChunking(long length) {
    return length > THRESHOLD_BYTES;
  }

  /** The bucket name (the lattice prefix). */
  public String bucket() {
    return bucket;
  }

  /** Stores the full payload of invocation {@code invocationId} before the invocation is sent. */
  public void putRequest(String invocationId, byte[] payload) {
    put(Subjects.chunkRequestObject(invocationId), payload);
  }

  /** Stores the full result of invocation {@code invocationId} before the response is sent. */
  public void putResponse(String invocationId, byte[] payload) {
    put(Subjects.chunkResponseObject(invocationId), payload);
  }

  /** Fetches and deletes the payload of a chunked invocation (done by its receiver). */
  public byte[] takeRequest(String invocationId) {
    return take(Subjects.chunkRequestObject(invocationId));
  }

  /** Fetches and deletes the result of a chunked response (done by the original caller). */
  public byte[] takeResponse(String invocationId) {
    return take(Subjects.chunkResponseObject(invocationId));
  }

  private void put(String object, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    try {
      ensureBucket();
      connection.objectStore(bucket, options).put(object, payload);
    } catch (IOException | JetStreamApiException | NoSuchAlgorithmException e) {
      throw failure("store", object, e);
    } catch (RuntimeException e) {
      throw failure("store", object, e);
    }
  }

  private byte[] take(String object) {
    ObjectStore store;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      store = connection.objectStore(bucket, options);
      store.get(object, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("fetch", object, e);
    } catch (IOException | JetStreamApiException | NoSuchAlgorithmException e) {
      throw failure("fetch", object, e);
    } catch (RuntimeException e) {
      throw failure("fetch", object, e);
    }
    try {
      store.delete(object);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "chunk delete failed bucket={0} object={1} cause={2}",
          bucket,
          object,
          e.toString());
    }
    return out.toByteArray();
  }

  /** Creates the bucket with the default configuration if it does not exist yet. */
  private void ensureBucket() throws IOException, JetStreamApiException {
    if (bucketReady) {
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
        management.create(ObjectStoreConfiguration.builder(bucket).build());
        LOG.log(Level.DEBUG, "chunk bucket created bucket={0}", bucket);
      } catch (JetStreamApiException raced) {
        // Another sender created it between our check and our create: fine if it is there now.
        management.getStatus(bucket);
      }
    }
    bucketReady = true;
  }

  private ChunkingException failure(String verb, String object, Exception cause) {
    return new ChunkingException(
        "failed to "
            + verb
            + " chunked payload '"
            + object
            + "' in object store bucket '"
            + bucket
            + "': "
            + cause.getMessage()
            + "; check that JetStream is enabled on the NATS server (and the JetStream domain)",
        cause);
  }

  @Override
  public String toString() {
    return "ChunkStore[bucket=" + bucket + "]";
  }
}
