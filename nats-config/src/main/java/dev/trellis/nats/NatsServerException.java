package dev.trellis.nats;

import dev.trellis.interfaces.TrellisException;

/**
 * A nats-server child process could not be started or stopped: it exited early (bad config, port
 * taken), did not become ready before the deadline, or its working files could not be written. The
 * message carries the tail of the server's output.
 */
public class NatsServerException extends TrellisException {
  public NatsServerException(String message) {
    super(message);
  }

  public NatsServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
