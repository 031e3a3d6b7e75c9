package dev.trellis.host.lattice;

import dev.trellis.interfaces.TrellisException;

/** The lattice metadata bucket could not be opened, read or written. */
public class LatticeException extends TrellisException {
  public LatticeException(String message, Throwable cause) {
    super(message, cause);
  }
}
