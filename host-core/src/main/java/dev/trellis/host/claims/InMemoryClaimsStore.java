package dev.trellis.host.claims;

import dev.trellis.interfaces.control.ClaimsRecord;
import java.util.Collection;
import java.util.Optional;

/** A {@link ClaimsStore} held in this process only; for a single host and for tests. */
public final class InMemoryClaimsStore implements ClaimsStore {
  private final ClaimsIndex index = new ClaimsIndex();

  @Override
  public void put(ClaimsRecord claims) {
    index.add(claims);
  }

  @Override
  public Optional<ClaimsRecord> find(String publicKey) {
    return index.find(publicKey);
  }

  @Override
  public Optional<String> resolveCallAlias(String alias) {
    return index.resolveCallAlias(alias);
  }

  @Override
  public Collection<ClaimsRecord> all() {
    return index.all();
  }
}
