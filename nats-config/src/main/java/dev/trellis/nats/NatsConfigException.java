package dev.trellis.nats;

import dev.trellis.interfaces.TrellisException;

/**
 * NATS settings that cannot work: a JWT without its seed, a malformed url or JetStream domain,
 * credentials given twice, a port out of range. Fix the settings and try again.
 */
public class NatsConfigException extends TrellisException {
  public NatsConfigException(String message) {
    super(message);
  }

  public NatsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
