package dev.trellis.nats;

import dev.trellis.interfaces.TrellisException;

/**
 * No connection to NATS could be opened: no server answered at the configured urls, the credentials
 * were refused, or the caller was interrupted while connecting.
 */
public class NatsConnectException extends TrellisException {
  public NatsConnectException(String message, Throwable cause) {
    super(message, cause);
  }
}
