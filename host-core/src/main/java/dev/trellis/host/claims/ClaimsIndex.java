package dev.trellis.host.claims;

import dev.trellis.interfaces.control.ClaimsRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Claims by public key and call aliases (first claim wins, aliases of 2+ characters). */
final class ClaimsIndex {
  private final Map<String, ClaimsRecord> claims = new ConcurrentHashMap<>();
  private final Map<String, String> aliases = new ConcurrentHashMap<>();

  void add(ClaimsRecord record) {
    claims.put(record.subject(), record);
    String alias = record.callAlias();
    if (alias != null && alias.length() >= 2) {
      aliases.putIfAbsent(alias, record.subject());
    }
  }

  void remove(String publicKey) {
    claims.remove(publicKey);
    aliases.values().removeIf(publicKey::equals);
  }

  Optional<ClaimsRecord> find(String publicKey) {
    return Optional.ofNullable(claims.get(publicKey));
  }

  Optional<String> resolveCallAlias(String alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  Collection<ClaimsRecord> all() {
    return List.copyOf(claims.values());
  }
}
