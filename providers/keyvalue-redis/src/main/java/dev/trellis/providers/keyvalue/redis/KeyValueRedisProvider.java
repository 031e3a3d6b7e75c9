package dev.trellis.providers.keyvalue.redis;

import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import dev.trellis.provider.keyvalue.KeyValueOperations;
import dev.trellis.provider.keyvalue.KeyValueStores;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * {@code wasmcloud:keyvalue} on Redis: every linked actor gets a pooled client ({@link
 * RedisClient}) for the server of its link value {@code URL} ({@link RedisUrl}, default {@code
 * redis://127.0.0.1:6379}); all 15 operations of spec §9.2 ({@link RedisStore}). Links naming the
 * same server and database share its keyspace.
 *
 * <p>A link with a bad {@code URL} is refused (logged; the actor's calls then fail with {@code
 * unlinked actor}). A server that is down is not a reason to refuse: each call says that Redis does
 * not answer, and health checks report it.
 */
public final class KeyValueRedisProvider implements CapabilityProvider {
  private static final Logger LOG = LoggerFactory.getLogger(KeyValueRedisProvider.class);

  private final KeyValueStores<RedisStore> stores = new KeyValueStores<>("Redis client");

  @Override
  public String contractId() {
    return KeyValue.CONTRACT_ID;
  }

  @Override
  public void registerOperations(Operations operations) {
    KeyValueOperations.register(operations, stores::of);
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    RedisUrl url;
    RedisClient client;
    try {
      url = RedisUrl.of(link.values());
      client = RedisClient.create(url.uri());
    } catch (RuntimeException e) {
      LOG.error("link refused actor={} reason={}", link.actorId(), e.getMessage());
      return false;
    }
    stores.put(link.actorId(), new RedisStore(client, url));
    LOG.info("link accepted actor={} url={}", link.actorId(), url);
    return true;
  }

  @Override
  public void deleteLink(String actorId) {
    stores.remove(actorId);
  }

  /** Unhealthy while any linked Redis does not answer PING; the message says which. */
  @Override
  public HealthCheckResponse health() {
    for (Map.Entry<String, RedisStore> entry : stores.byActor().entrySet()) {
      try {
        entry.getValue().ping();
      } catch (OperationException e) {
        return new HealthCheckResponse(false, "actor " + entry.getKey() + ": " + e.getMessage());
      }
    }
    return new HealthCheckResponse(true, stores.size() + " link(s), every Redis answers");
  }

  @Override
  public void shutdown() {
    stores.closeAll();
  }
}
