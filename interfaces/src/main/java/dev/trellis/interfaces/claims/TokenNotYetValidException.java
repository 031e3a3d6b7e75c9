package dev.trellis.interfaces.claims;

/** A token's {@code nbf} is in the future. */
public class TokenNotYetValidException extends ClaimsException {
  public TokenNotYetValidException(String message) {
    super(message, "Module cannot be used yet");
  }
}
