package dev.trellis.provider;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links of one provider instance, one per actor, with rpc-rs semantics (spec §6.3): a put for
 * an actor that is already linked is ignored as a duplicate; otherwise {@link
 * CapabilityProvider#putLink} is asked and the link recorded only if it returns {@code true}; a
 * delete removes the link, then calls {@link CapabilityProvider#deleteLink}.
 *
 * <p>{@link #put} and {@link #delete} are called from the control thread only (one at a time, in
 * arrival order); lookups come from any thread.
 */
final class LinkTable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkTable.class);

  private final CapabilityProvider provider;
  private final Map<String, LinkDefinition> byActor = new ConcurrentHashMap<>();

  LinkTable(CapabilityProvider provider) {
    this.provider = provider;
  }

  /** Applies a put; returns whether the link is now recorded by this call. */
  boolean put(LinkDefinition link) {
    if (byActor.containsKey(link.actorId())) {
      LOG.info(
          "link put ignored as duplicate actor={} contract={} link_name={}",
          link.actorId(),
          link.contractId(),
          link.linkName());
      return false;
    }
    boolean accepted;
    try {
      accepted = provider.putLink(link);
    } catch (RuntimeException e) {
      LOG.error(
          "link put failed actor={} contract={} link_name={}",
          link.actorId(),
          link.contractId(),
          link.linkName(),
          e);
      return false;
    }
    if (!accepted) {
      LOG.warn(
          "link put refused by provider actor={} contract={} link_name={}",
          link.actorId(),
          link.contractId(),
          link.linkName());
      return false;
    }
    byActor.put(link.actorId(), link);
    LOG.info(
        "link put actor={} contract={} link_name={}",
        link.actorId(),
        link.contractId(),
        link.linkName());
    return true;
  }

  /** Applies a delete: removes the actor's link (if any), then tells the provider. */
  void delete(LinkDefinition link) {
    LinkDefinition removed = byActor.remove(link.actorId());
    LOG.info(
        "link deleted actor={} contract={} link_name={} was_linked={}",
        link.actorId(),
        link.contractId(),
        link.linkName(),
        removed != null);
    try {
      provider.deleteLink(link.actorId());
    } catch (RuntimeException e) {
      LOG.error("link delete failed in provider actor={}", link.actorId(), e);
    }
  }

  boolean isLinked(String actorId) {
    return byActor.containsKey(actorId);
  }

  Optional<LinkDefinition> get(String actorId) {
    return Optional.ofNullable(byActor.get(actorId));
  }

  Collection<LinkDefinition> all() {
    return List.copyOf(byActor.values());
  }
}
