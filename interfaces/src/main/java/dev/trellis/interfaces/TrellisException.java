package dev.trellis.interfaces;

/**
 * The root of every Trellis exception. Each boundary has one subclass per category a caller can act
 * on (a decoding failure, a bad key, invalid claims…); protocol errors travel as values on the
 * wire, never as exceptions.
 */
public class TrellisException extends RuntimeException {
  public TrellisException(String message) {
    super(message);
  }

  public TrellisException(String message, Throwable cause) {
    super(message, cause);
  }
}
