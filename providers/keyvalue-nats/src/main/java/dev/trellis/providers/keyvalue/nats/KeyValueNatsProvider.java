package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.NatsConfig;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import dev.trellis.provider.ProviderConnection;
import dev.trellis.provider.keyvalue.KeyValueOperations;
import dev.trellis.provider.keyvalue.KeyValueStore;
import dev.trellis.provider.keyvalue.KeyValueStores;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.ObjectStoreOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wasmcloud:keyvalue} on NATS JetStream key-value buckets: every linked actor gets a bucket
 * ({@link LinkSettings}: link value {@code BUCKET}, default {@code kv_{lattice}_{actor}}, created
 * if missing) on the provider's own NATS connection, or on a connection of the link's own when its
 * values name a url or credentials. All 15 operations of spec §9.2 ({@link BucketStore}).
 *
 * <p>A link whose bucket cannot be opened or created (no JetStream, bad credentials, a bad link
 * value) is refused, with the reason logged: the actor's calls then fail with {@code unlinked
 * actor}.
 */
public final class KeyValueNatsProvider implements CapabilityProvider {
  /** Room left in a NATS message besides the entry itself. */
  static final int MESSAGE_OVERHEAD = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(KeyValueNatsProvider.class);
  private static final int STREAM_NOT_FOUND = 10059;

  private final Clock clock;
  private final int inlineLimitOverride;
  private final KeyValueStores<KeyValueStore> stores = new KeyValueStores<>("open bucket");
  private volatile ProviderConnection connection;

  public KeyValueNatsProvider() {
    this(Clock.systemUTC(), 0);
  }

  /**
   * @param clock decides expiry
   * @param inlineLimit the largest entry kept in the bucket itself, or 0 for the server's max
   *     payload less {@link #MESSAGE_OVERHEAD}; larger values go to the object store
   */
  KeyValueNatsProvider(Clock clock, int inlineLimit) {
    this.clock = clock;
    this.inlineLimitOverride = inlineLimit;
  }

  @Override
  public String contractId() {
    return KeyValue.CONTRACT_ID;
  }

  @Override
  public void registerOperations(Operations operations) {
    KeyValueOperations.register(operations, stores::of);
  }

  @Override
  public void start(ProviderConnection connection) {
    this.connection = connection;
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    LinkSettings settings;
    try {
      settings = LinkSettings.of(link, connection.lattice(), connection.hostData().jsDomain());
    } catch (IllegalArgumentException e) {
      LOG.error("link refused actor={} reason={}", link.actorId(), e.getMessage());
      return false;
    }
    KeyValueStore store;
    try {
      store = open(settings);
    } catch (RuntimeException e) {
      LOG.error(
          "link refused actor={} bucket={} reason={}",
          link.actorId(),
          settings.bucket(),
          e.getMessage());
      return false;
    }
    stores.put(link.actorId(), store);
    LOG.info("link accepted actor={} settings={}", link.actorId(), settings);
    return true;
  }

  @Override
  public void deleteLink(String actorId) {
    stores.remove(actorId);
  }

  @Override
  public HealthCheckResponse health() {
    return new HealthCheckResponse(true, stores.size() + " bucket(s) open");
  }

  @Override
  public void shutdown() {
    stores.closeAll();
  }

  private KeyValueStore open(LinkSettings settings) {
    Connection nats;
    Runnable onClose;
    if (settings.ownConnection()) {
      NatsConfig config = settings.natsConfig(connection.hostData());
      Connection own = config.connect();
      nats = own;
      onClose = () -> closeQuietly(own, settings.bucket());
    } else {
      nats = connection.nats();
      onClose = () -> {};
    }
    try {
      JetStreamOptions js = JetStreamOptions.builder().domain(settings.jsDomain()).build();
      KeyValueOptions kvOptions = KeyValueOptions.builder(js).build();
      ensureBucket(nats.keyValueManagement(kvOptions), settings);
      int inlineLimit =
          inlineLimitOverride > 0
              ? inlineLimitOverride
              : (int) nats.getServerInfo().getMaxPayload() - MESSAGE_OVERHEAD;
      BucketEntries entries =
          new BucketEntries(
              nats.keyValue(settings.bucket(), kvOptions),
              new Spill(nats, settings.bucket(), ObjectStoreOptions.builder(js).build()),
              clock,
              inlineLimit);
      return new BucketStore(entries, onClose);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      onClose.run();
      throw new OperationException(
          "failed to open bucket '"
              + settings.bucket()
              + "': "
              + e.getMessage()
              + "; check that the NATS server runs JetStream (nats-server -js)",
          e);
    }
  }

  private static void ensureBucket(KeyValueManagement management, LinkSettings settings)
      throws IOException, JetStreamApiException {
    try {
      management.getStatus(settings.bucket());
      return;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
    }
    try {
      management.create(
          KeyValueConfiguration.builder()
              .name(settings.bucket())
              .maxHistoryPerKey(1)
              .storageType(StorageType.File)
              .replicas(settings.replicas())
              .build());
      LOG.info("bucket created bucket={} replicas={}", settings.bucket(), settings.replicas());
    } catch (JetStreamApiException raced) {
      management.getStatus(settings.bucket()); // created by another instance meanwhile
    }
  }

  private static void closeQuietly(Connection nats, String bucket) {
    try {
      nats.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("link connection not closed bucket={} cause={}", bucket, e.toString());
    }
  }
}
