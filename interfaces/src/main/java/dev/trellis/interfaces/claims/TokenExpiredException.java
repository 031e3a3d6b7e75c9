package dev.trellis.interfaces.claims;

/** A token's {@code exp} is in the past. */
public class TokenExpiredException extends ClaimsException {
  public TokenExpiredException(String message) {
    super(message, "Module token has expired");
  }
}
