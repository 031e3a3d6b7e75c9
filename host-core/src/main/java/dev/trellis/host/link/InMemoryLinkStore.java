package dev.trellis.host.link;

import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LinkStore} held in this process only; for a single host and for tests. */
public final class InMemoryLinkStore implements LinkStore {
  private final Map<String, LinkDefinition> links = new ConcurrentHashMap<>();
  private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();

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
    links.put(link.id(), link);
    listeners.forEach(l -> l.linkPut(link));
  }

  @Override
  public Optional<LinkDefinition> delete(String actorId, String contractId, String linkName) {
    LinkDefinition removed = links.remove(LinkId.of(actorId, contractId, linkName));
    if (removed != null) {
      listeners.forEach(l -> l.linkDeleted(removed));
    }
    return Optional.ofNullable(removed);
  }

  @Override
  public void addListener(LinkListener listener) {
    listeners.add(listener);
  }
}
