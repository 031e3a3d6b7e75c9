package dev.trellis.interfaces.claims;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed module whose claims verified (spec §8.4).
 *
 * @param jwt the embedded token
 * @param claims the verified claims
 * @param computedHash the module hash computed from the module bytes
 * @param hashMatches whether {@code computedHash} equals the claimed hash; it can only be {@code
 *     false} when {@code hashEnforced} is {@code false}
 * @param hashEnforced whether the claims' {@code wascap_revision} is 3 or more, so that a mismatch
 *     is rejected rather than reported
 */
public record VerifiedModule(
    String jwt,
    Claims<ActorMetadata> claims,
    String computedHash,
    boolean hashMatches,
    boolean hashEnforced) {

  public VerifiedModule {
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(claims.metadata(), "claims.metadata");
    Objects.requireNonNull(computedHash, "computedHash");
  }

  /** The actor's public key ({@code sub}). */
  public String actorKey() {
    return claims.subject();
  }

  public ActorMetadata metadata() {
    return claims.metadata();
  }

  /**
   * A warning for the host log when the hash differs but was not enforced (tokens from wascap
   * before revision 3); empty otherwise.
   */
  public Optional<String> hashWarning() {
    if (hashMatches) {
      return Optional.empty();
    }
    return Optional.of(
        "module hash mismatch for actor "
            + claims.subject()
            + ": claims say "
            + claims.metadata().hash()
            + ", module hashes to "
            + computedHash
            + "; accepted because wascap_revision is "
            + (claims.wascapRevision() == null ? "absent" : claims.wascapRevision())
            + " (< 3)");
  }
}
