package dev.trellis.provider;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jnats connection events and errors, logged through SLF4J instead of jnats' default
 * java.util.logging listener (which also reports every object-store flow-control message at info).
 * Called on jnats threads; only logs.
 */
final class NatsEvents implements ErrorListener, ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(NatsEvents.class);

  @Override
  public void connectionEvent(Connection connection, Events event) {
    switch (event) {
      case DISCONNECTED -> LOG.warn("nats disconnected; reconnecting");
      case RECONNECTED -> LOG.info("nats reconnected server={}", connection.getConnectedUrl());
      default -> LOG.debug("nats event={}", event);
    }
  }

  @Override
  public void errorOccurred(Connection connection, String error) {
    LOG.warn("nats error={}", error);
  }

  @Override
  public void exceptionOccurred(Connection connection, Exception exception) {
    LOG.warn("nats exception={}", exception.toString());
  }

  @Override
  public void slowConsumerDetected(Connection connection, Consumer consumer) {
    LOG.warn(
        "nats slow consumer: messages are being dropped pending={}",
        consumer.getPendingMessageCount());
  }
}
