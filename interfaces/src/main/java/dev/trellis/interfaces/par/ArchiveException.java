package dev.trellis.interfaces.par;

import dev.trellis.interfaces.TrellisException;

/** A provider archive could not be read, or its contents do not match its claims. */
public class ArchiveException extends TrellisException {
  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
