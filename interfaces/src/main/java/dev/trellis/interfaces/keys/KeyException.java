package dev.trellis.interfaces.keys;

import dev.trellis.interfaces.TrellisException;

/**
 * An nkey string (public key or seed) could not be decoded, or has the wrong type. Messages never
 * contain seed material.
 */
public class KeyException extends TrellisException {
  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
