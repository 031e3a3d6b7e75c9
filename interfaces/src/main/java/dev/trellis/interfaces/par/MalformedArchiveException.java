package dev.trellis.interfaces.par;

/**
 * Bytes are not a provider archive: not a (gzipped) tar, no {@code claims.jwt}, no binary, a
 * duplicate entry, undecodable claims, or more data than the read limit.
 */
public class MalformedArchiveException extends ArchiveException {
  public MalformedArchiveException(String message) {
    super(message);
  }

  public MalformedArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
