package dev.trellis.interfaces.claims;

import dev.trellis.interfaces.TrellisException;

/**
 * Claims (a wascap JWT, or the module or archive carrying one) could not be read or did not
 * validate. Each subclass is a category a caller can act on. {@link #wascapText()} is the text
 * wasmCloud itself shows for the same failure (wascap's error display), for callers that must
 * reproduce it on the wire.
 */
public class ClaimsException extends TrellisException {
  private final String wascapText;

  public ClaimsException(String message, String wascapText) {
    super(message);
    this.wascapText = wascapText == null ? message : wascapText;
  }

  public ClaimsException(String message, String wascapText, Throwable cause) {
    super(message, cause);
    this.wascapText = wascapText == null ? message : wascapText;
  }

  /** The text wasmCloud (wascap 0.11) shows for this failure; our message when it has none. */
  public String wascapText() {
    return wascapText;
  }
}
