package dev.trellis.host.claims;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import java.util.Collection;
import java.util.Optional;

/**
 * The claims of the actors known to the lattice, and the call aliases they declare. A call alias
 * resolves to the first actor that claimed it (controlplane §4.3). The in-memory implementation
 * serves one host; the lattice implementation is backed by JetStream KV.
 */
public interface ClaimsStore {

  /** Records an actor's claims (on every start and live update). */
  void put(Claims<ActorMetadata> claims);

  /** The claims of actor {@code publicKey}, if known. */
  Optional<Claims<ActorMetadata>> find(String publicKey);

  /** The actor that declared {@code alias}, if any. */
  Optional<String> resolveCallAlias(String alias);

  /** Every known actor's claims. */
  Collection<Claims<ActorMetadata>> all();
}
