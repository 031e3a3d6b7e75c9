package dev.trellis.interfaces.claims;

/**
 * A token is not a well-formed wascap JWT: wrong number of segments, bad base64url, bad JSON, a
 * header other than {@code {"typ":"jwt","alg":"Ed25519"}}, a missing or empty {@code iss}/{@code
 * sub}, or an {@code iss} that is not an nkey public key.
 */
public class MalformedTokenException extends ClaimsException {
  public MalformedTokenException(String message, String wascapText) {
    super(message, wascapText);
  }

  public MalformedTokenException(String message, String wascapText, Throwable cause) {
    super(message, wascapText, cause);
  }
}
