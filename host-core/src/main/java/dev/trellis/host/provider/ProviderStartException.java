package dev.trellis.host.provider;

import dev.trellis.interfaces.TrellisException;

/**
 * A provider could not be started: its archive is invalid or has no binary for this machine, its
 * executable cannot run, or the same provider key and link name already run on this host.
 */
public class ProviderStartException extends TrellisException {
  public ProviderStartException(String message) {
    super(message);
  }

  public ProviderStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
