package dev.trellis.host.claims;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ClaimsStore} held in this process only; for a single host and for tests. */
public final class InMemoryClaimsStore implements ClaimsStore {
  private final Map<String, Claims<ActorMetadata>> claims = new ConcurrentHashMap<>();
  private final Map<String, String> aliases = new ConcurrentHashMap<>();

  @Override
  public void put(Claims<ActorMetadata> actorClaims) {
    claims.put(actorClaims.subject(), actorClaims);
    String alias = actorClaims.metadata() == null ? null : actorClaims.metadata().callAlias();
    if (alias != null && alias.length() >= 2) {
      aliases.putIfAbsent(alias, actorClaims.subject());
    }
  }

  @Override
  public Optional<Claims<ActorMetadata>> find(String publicKey) {
    return Optional.ofNullable(claims.get(publicKey));
  }

  @Override
  public Optional<String> resolveCallAlias(String alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  @Override
  public Collection<Claims<ActorMetadata>> all() {
    return List.copyOf(claims.values());
  }
}
