package dev.trellis.interfaces.control;

import dev.trellis.interfaces.TrellisException;

/** {@code host_config.json} could not be read or written (the file system refused). */
public class HostConfigFileException extends TrellisException {
  public HostConfigFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
