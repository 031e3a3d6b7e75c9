package dev.trellis.interfaces.claims;

import java.util.Objects;

/**
 * The outcome of validating a well-formed token, as wascap's {@code validate_token} reports it: the
 * checks that can fail without the token being malformed are flags, so a caller can report them in
 * its own order and words.
 *
 * @param claims the decoded claims (not to be trusted unless {@link #isValid()})
 * @param signatureValid whether the signature verifies against {@code iss}
 * @param expired whether {@code exp} is in the past
 * @param cannotUseYet whether {@code nbf} is in the future
 * @param expiresHuman e.g. {@code "in 3h"}, {@code "8h ago"} or {@code "never"}
 * @param notBeforeHuman e.g. {@code "in 16m"} or {@code "immediately"}
 * @param <T> the metadata type
 */
public record TokenValidation<T extends Metadata>(
    Claims<T> claims,
    boolean signatureValid,
    boolean expired,
    boolean cannotUseYet,
    String expiresHuman,
    String notBeforeHuman) {

  public TokenValidation {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(expiresHuman, "expiresHuman");
    Objects.requireNonNull(notBeforeHuman, "notBeforeHuman");
  }

  /** Signature valid, not expired, usable now. (Metadata presence is not checked here.) */
  public boolean isValid() {
    return signatureValid && !expired && !cannotUseYet;
  }
}
