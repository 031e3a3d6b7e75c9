package dev.trellis.host.lattice;

import dev.trellis.host.link.LinkListener;
import dev.trellis.host.link.LinkStore;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.LinkId;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links stored under {@code LINKDEF_{id}} in the lattice bucket (controlplane §4.2–4.3), with an
 * in-memory copy kept current by the bucket watch. Writes go to the bucket only; every host's watch
 * (this one's included) then updates its copy and notifies its listeners, so providers hear of a
 * change whichever host or tool made it. Deletion purges the key, as OTP does; DEL and PURGE are
 * both deletions.
 */
public final class KvLinkStore implements LinkStore, LatticeWatch.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(KvLinkStore.class);

  private final KeyValue bucket;
  private final Map<String, LinkDefinition> links = new ConcurrentHashMap<>();
  private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();

  public KvLinkStore(KeyValue bucket) {
    this.bucket = bucket;
  }

  @Override
  public String keyPrefix() {
    return Subjects.LINKDEF_KEY_PREFIX;
  }

  @Override
  public Optional<LinkDefinition> find(String actorId, String contractId, String linkName) {
    return Optional.ofNullable(links.get(LinkId.of(actorId, contractId, linkName)));
  }

  @Override
  public Collection<LinkDefinition> all() {
    return List.copyOf(links.values());
  }

  @Override
  public void put(LinkDefinition link) {
    try {
      bucket.put(Subjects.linkdefKey(link), LinkDefinitionCodec.encodeJson(link));
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException(
          "failed to put link "
              + link.id()
              + " for actor "
              + link.actorId()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<LinkDefinition> delete(String actorId, String contractId, String linkName) {
    Optional<LinkDefinition> existing = find(actorId, contractId, linkName);
    String id = LinkId.of(actorId, contractId, linkName);
    try {
      bucket.purge(Subjects.LINKDEF_KEY_PREFIX + id);
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException(
          "failed to delete link " + id + " for actor " + actorId + ": " + e.getMessage(), e);
    }
    return existing;
  }

  @Override
  public void addListener(LinkListener listener) {
    listeners.add(listener);
  }

  @Override
  public void entry(KeyValueEntry entry) {
    String id = entry.getKey().substring(Subjects.LINKDEF_KEY_PREFIX.length());
    if (entry.getOperation() == KeyValueOperation.PUT) {
      LinkDefinition link;
      try {
        link = LinkDefinitionCodec.decodeJson(entry.getValue());
      } catch (DecodeException e) {
        LOG.warn("ignoring an unreadable link key={} cause={}", entry.getKey(), e.getMessage());
        return;
      }
      links.put(link.id(), link);
      listeners.forEach(l -> l.linkPut(link));
    } else {
      LinkDefinition removed = links.remove(id);
      if (removed != null) {
        listeners.forEach(l -> l.linkDeleted(removed));
      }
    }
  }
}
