package dev.trellis.interfaces.claims;

/** A token's Ed25519 signature does not verify against its issuer's key. */
public class InvalidSignatureException extends ClaimsException {
  public InvalidSignatureException(String message) {
    super(message, null);
  }
}
