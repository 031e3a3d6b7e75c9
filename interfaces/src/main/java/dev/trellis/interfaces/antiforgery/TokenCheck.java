package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.MalformedTokenException;
import dev.trellis.interfaces.claims.TokenValidation;
import dev.trellis.interfaces.wire.Invocation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The steps both receivers (OTP host and rpc-rs provider) share, with wasmCloud's texts: token
 * validation (malformed → wascap's error text; then expired, signature, not-before), wascap
 * metadata present; and the functions for the later checks.
 *
 * @param claims the decoded claims when every step passed, else {@code null}
 * @param failure the reason text when a step failed, else {@code null}
 */
record TokenCheck(Claims<InvocationMetadata> claims, String failure) {
  static final String EXPIRED = "Invocation claims token expired";
  static final String BAD_SIGNATURE = "Invocation claims signature invalid";
  static final String TOO_EARLY = "Attempt to use invocation before claims token allows";
  static final String NO_METADATA = "No wascap metadata found on claims";

  static TokenCheck run(String token, Clock clock) {
    TokenValidation<InvocationMetadata> validation;
    try {
      validation = Jwt.validate(token, InvocationMetadata.class, clock);
    } catch (MalformedTokenException e) {
      return new TokenCheck(null, e.wascapText());
    }
    if (validation.expired()) {
      return new TokenCheck(null, EXPIRED);
    }
    if (!validation.signatureValid()) {
      return new TokenCheck(null, BAD_SIGNATURE);
    }
    if (validation.cannotUseYet()) {
      return new TokenCheck(null, TOO_EARLY);
    }
    if (validation.claims().metadata() == null) {
      return new TokenCheck(null, NO_METADATA);
    }
    return new TokenCheck(validation.claims(), null);
  }

  boolean failed() {
    return failure != null;
  }

  /** The hash check text, or {@code null} when the claimed hash matches. */
  static String hashMismatch(InvocationMetadata claimed, Invocation inv) {
    String computed = InvocationHash.of(inv.origin(), inv.target(), inv.operation(), inv.msg());
    if (computed.equals(claimed.hash())) {
      return null;
    }
    return "Invocation hash does not match signed claims hash ("
        + claimed.hash()
        + " / "
        + computed
        + ")";
  }

  /**
   * wasmCloud's weak host id check: rejected only when it neither starts with {@code N} nor is 56
   * bytes long; {@code null} when it passes.
   */
  static String badHostId(String hostId) {
    if (!hostId.startsWith("N") && hostId.getBytes(StandardCharsets.UTF_8).length != 56) {
      return "Invalid host ID on invocation: '" + hostId + "'";
    }
    return null;
  }
}
