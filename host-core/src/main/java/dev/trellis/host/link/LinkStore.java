package dev.trellis.host.link;

import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.Collection;
import java.util.Optional;

/**
 * The links of one lattice, keyed by (actor, contract, link name). The in-memory implementation
 * serves a single host; the lattice implementation is backed by the {@code LATTICEDATA_{prefix}}
 * JetStream KV bucket and shared by every host.
 */
public interface LinkStore {

  /** The link an actor uses for {@code contractId} under {@code linkName}, if any. */
  Optional<LinkDefinition> find(String actorId, String contractId, String linkName);

  /** Every link of the lattice. */
  Collection<LinkDefinition> all();

  /** Adds or replaces a link; listeners hear about it. */
  void put(LinkDefinition link);

  /** Removes a link; returns it if it existed. */
  Optional<LinkDefinition> delete(String actorId, String contractId, String linkName);

  /** Registers a listener for later changes. */
  void addListener(LinkListener listener);
}
