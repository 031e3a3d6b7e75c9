package dev.trellis.cli.host;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports what happens to a host's NATS connection in the host log, once per event. */
final class HostNatsListener implements ErrorListener, ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trellis.cli.nats");

  private final String name;

  HostNatsListener(String name) {
    this.name = name;
  }

  @Override
  public void connectionEvent(Connection conn, Events type) {
    switch (type) {
      case DISCONNECTED -> LOG.info("nats disconnected connection={}", name);
      case RECONNECTED -> LOG.info("nats reconnected connection={}", name);
      default -> {
        // connected, closed, discovered servers: expected
      }
    }
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warn("nats error connection={} error={}", name, error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.debug("nats exception connection={} cause={}", name, exp.toString());
  }
}
