package dev.trellis.provider;

import dev.trellis.interfaces.TrellisException;

/** The root of the provider SDK's exceptions. */
public class ProviderException extends TrellisException {
  public ProviderException(String message) {
    super(message);
  }

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
