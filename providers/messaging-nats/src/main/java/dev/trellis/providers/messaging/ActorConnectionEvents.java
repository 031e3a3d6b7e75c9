package dev.trellis.providers.messaging;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the troubles of one actor's NATS connection through SLF4J, naming the actor. */
final class ActorConnectionEvents implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(ActorConnectionEvents.class);

  private final String actorId;

  ActorConnectionEvents(String actorId) {
    this.actorId = actorId;
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warn("nats error actor={} error={}", actorId, error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.warn("nats connection trouble actor={} cause={}", actorId, exp.toString());
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    LOG.warn(
        "nats slow consumer actor={} dropped={}: messages arrive faster than the actor takes them",
        actorId,
        consumer.getDroppedCount());
  }
}
