package dev.trellis.providers.messaging;

import dev.trellis.interfaces.TrellisException;

/** The provider could not set up an actor's NATS connection or subscriptions. */
public class MessagingException extends TrellisException {
  public MessagingException(String message, Throwable cause) {
    super(message, cause);
  }
}
