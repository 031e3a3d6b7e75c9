package dev.trellis.host.claims;

import dev.trellis.interfaces.control.ClaimsRecord;
import java.util.Collection;
import java.util.Optional;

/**
 * The claims of the actors and providers known to the lattice (controlplane §3.4), and the call
 * aliases actors declare: an alias resolves to the first actor that claimed it (§4.3). The
 * in-memory implementation serves one host; {@code KvClaimsStore} shares them through the lattice
 * bucket.
 */
public interface ClaimsStore {

  /** Records claims (on every actor or provider start and live update). */
  void put(ClaimsRecord claims);

  /** The claims of {@code publicKey}, if known. */
  Optional<ClaimsRecord> find(String publicKey);

  /** The actor that declared {@code alias}, if any. */
  Optional<String> resolveCallAlias(String alias);

  /** Every known claims record. */
  Collection<ClaimsRecord> all();
}
