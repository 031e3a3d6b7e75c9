package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.wire.Invocation;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Anti-forgery validation of an invocation arriving at a host for one of its actors, as the OTP
 * host does it ({@code validate_antiforgery}, spec §4.3). The first failing check wins:
 *
 * <ol>
 *   <li>token: malformed (wascap's error text), expired, bad signature, not yet valid, no wascap
 *       metadata;
 *   <li>if {@code msg} is non-empty, the hash (skipped for a chunked payload, whose {@code msg} is
 *       empty here);
 *   <li>{@code host_id} sanity (rejected only if it neither starts with {@code N} nor is 56 long);
 *   <li>{@code iss} among the cluster issuers;
 *   <li>target URL, then origin URL, equal to those in the claims.
 * </ol>
 *
 * Every rejection text starts with {@value #PREFIX}. Not checked, as in wasmCloud: {@code sub ==
 * id}, {@code iat}, replay. The source check (the actor's caps include a provider origin's
 * contract) and policy are the host's next steps, not part of this class. Thread-safe.
 */
public final class HostInvocationValidator {
  /** The prefix OTP puts before every anti-forgery failure reason. */
  public static final String PREFIX = "Anti-forgery check failed: ";

  static final String UNKNOWN_ISSUER =
      "Issuer of this invocation is not among the list of valid issuers";
  static final String TARGET_MISMATCH = "Invocation claims and invocation target URL do not match";
  static final String ORIGIN_MISMATCH = "Invocation claims and invocation origin URL do not match";

  private final Set<String> clusterIssuers;
  private final Clock clock;

  /**
   * @param clusterIssuers the accepted signers ({@code C…}); include the host's own cluster key
   * @param clock the time against which {@code exp} and {@code nbf} are checked
   */
  public HostInvocationValidator(Collection<String> clusterIssuers, Clock clock) {
    this.clusterIssuers = Set.copyOf(clusterIssuers);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public InvocationVerdict validate(Invocation inv) {
    TokenCheck token = TokenCheck.run(inv.encodedClaims(), clock);
    if (token.failed()) {
      return reject(token.failure());
    }
    InvocationMetadata claimed = token.claims().metadata();
    if (inv.msg().length > 0) {
      String mismatch = TokenCheck.hashMismatch(claimed, inv);
      if (mismatch != null) {
        return reject(mismatch);
      }
    }
    String badHost = TokenCheck.badHostId(inv.hostId());
    if (badHost != null) {
      return reject(badHost);
    }
    if (!clusterIssuers.contains(token.claims().issuer())) {
      return reject(UNKNOWN_ISSUER);
    }
    if (!claimed.targetUrl().equals(EntityUrls.target(inv.target(), inv.operation()))) {
      return reject(TARGET_MISMATCH);
    }
    if (!claimed.originUrl().equals(EntityUrls.of(inv.origin()))) {
      return reject(ORIGIN_MISMATCH);
    }
    return new InvocationVerdict.Accepted(token.claims());
  }

  private static InvocationVerdict reject(String reason) {
    return new InvocationVerdict.Rejected(PREFIX + reason);
  }
}
