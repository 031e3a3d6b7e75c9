package dev.trellis.provider;

/**
 * The provider could not get its HostData: stdin is a terminal (the provider was run by hand),
 * closed, silent past the timeout, or the line is not base64 HostData JSON. The provider cannot
 * start; {@link ProviderRunner#run} prints the message and exits with code 2.
 */
public class HostDataException extends ProviderException {
  public HostDataException(String message) {
    super(message);
  }

  public HostDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
