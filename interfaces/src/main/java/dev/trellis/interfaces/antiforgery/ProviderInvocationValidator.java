package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.wire.Invocation;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validation of an invocation arriving at a provider, as rpc-rs 0.15 does it ({@code
 * validate_invocation} then {@code validate_provider_invocation}, spec §4.3). The payload must be
 * dechunked first: the hash is always checked. The first failing check wins:
 *
 * <ol>
 *   <li>token: malformed (wascap's error text), expired, bad signature, not yet valid, no wascap
 *       metadata;
 *   <li>hash;
 *   <li>{@code host_id} sanity;
 *   <li>target URL ({@code … do not match: <claimed> != <computed>}), then origin URL;
 *   <li>{@code iss} among the cluster issuers ({@code HostData.cluster_issuers});
 *   <li>the target key is this provider's key ({@code target key mismatch: <target> != <host_id>},
 *       naming the host id as rpc-rs does);
 *   <li>the origin actor is linked, when the caller passes its link check.
 * </ol>
 *
 * Texts carry no prefix (rpc-rs sends them as {@code RpcError::Other}, displayed verbatim).
 * Thread-safe.
 */
public final class ProviderInvocationValidator {
  static final String UNKNOWN_ISSUER =
      "Issuer of this invocation is not in list of cluster issuers";

  private final Set<String> clusterIssuers;
  private final String providerKey;
  private final String hostId;
  private final Clock clock;

  /**
   * @param clusterIssuers {@code HostData.cluster_issuers}
   * @param providerKey {@code HostData.provider_key}: this provider's {@code V…} key
   * @param hostId {@code HostData.host_id}: only used in the target-mismatch text
   * @param clock the time against which {@code exp} and {@code nbf} are checked
   */
  public ProviderInvocationValidator(
      Collection<String> clusterIssuers, String providerKey, String hostId, Clock clock) {
    this.clusterIssuers = Set.copyOf(clusterIssuers);
    this.providerKey = Objects.requireNonNull(providerKey, "providerKey");
    this.hostId = Objects.requireNonNull(hostId, "hostId");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Validates {@code inv} without the link check (for callers that do it themselves). */
  public InvocationVerdict validate(Invocation inv) {
    return validate(inv, actor -> true);
  }

  /**
   * Validates {@code inv}; {@code isLinked} answers whether an actor key currently has a link to
   * this provider (the SDK's link table).
   */
  public InvocationVerdict validate(Invocation inv, Predicate<String> isLinked) {
    TokenCheck token = TokenCheck.run(inv.encodedClaims(), clock);
    if (token.failed()) {
      return reject(token.failure());
    }
    InvocationMetadata claimed = token.claims().metadata();
    String mismatch = TokenCheck.hashMismatch(claimed, inv);
    if (mismatch != null) {
      return reject(mismatch);
    }
    String badHost = TokenCheck.badHostId(inv.hostId());
    if (badHost != null) {
      return reject(badHost);
    }
    String targetUrl = EntityUrls.target(inv.target(), inv.operation());
    if (!claimed.targetUrl().equals(targetUrl)) {
      return reject(
          HostInvocationValidator.TARGET_MISMATCH
              + ": "
              + claimed.targetUrl()
              + " != "
              + targetUrl);
    }
    if (!claimed.originUrl().equals(EntityUrls.of(inv.origin()))) {
      return reject(HostInvocationValidator.ORIGIN_MISMATCH);
    }
    if (!clusterIssuers.contains(token.claims().issuer())) {
      return reject(UNKNOWN_ISSUER);
    }
    if (!inv.target().publicKey().equals(providerKey)) {
      return reject("target key mismatch: " + inv.target().publicKey() + " != " + hostId);
    }
    if (!isLinked.test(inv.origin().publicKey())) {
      return reject("unlinked actor: '" + inv.origin().publicKey() + "'");
    }
    return new InvocationVerdict.Accepted(token.claims());
  }

  private static InvocationVerdict reject(String text) {
    return new InvocationVerdict.Rejected(text);
  }
}
