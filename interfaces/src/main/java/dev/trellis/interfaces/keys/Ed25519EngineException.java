package dev.trellis.interfaces.keys;

import dev.trellis.interfaces.TrellisException;

/**
 * The Ed25519 engine asked for with the {@value Ed25519Engine#PROPERTY} system property cannot be
 * used (libsodium is not installed or failed its self-test), or the property has an unknown value.
 * The message says what failed and how to fix it.
 */
public class Ed25519EngineException extends TrellisException {
  public Ed25519EngineException(String message) {
    super(message);
  }

  public Ed25519EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
