package dev.trellis.nats;

/**
 * No nats-server executable was found: not at {@code $NATS_SERVER_BIN}, not on {@code PATH}. The
 * message says how to install one.
 */
public class NatsServerNotFoundException extends NatsServerException {
  public NatsServerNotFoundException(String message) {
    super(message);
  }
}
