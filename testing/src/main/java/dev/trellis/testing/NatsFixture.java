package dev.trellis.testing;

import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The nats-server of the current test class, as a test sees it: where it listens and a way to open
 * connections that the extension closes for the test.
 *
 * <p>A fixture resolved for a test method (or its {@code @BeforeEach}/{@code @AfterEach}) closes
 * its connections after that test; one resolved for {@code @BeforeAll} or a constructor closes them
 * after the class, before the server stops.
 */
public final class NatsFixture {
  private final NatsServer server;
  private final String owner;
  private final List<Connection> connections = new ArrayList<>();

  NatsFixture(NatsServer server, String owner) {
    this.server = server;
    this.owner = owner;
  }

  /** The running server. */
  public NatsServer server() {
    return server;
  }

  /** The client url, such as {@code nats://127.0.0.1:41234}. */
  public String url() {
    return server.url();
  }

  /** The client port. */
  public int port() {
    return server.port();
  }

  /** Client settings for this server, named after the test that asked. */
  public NatsConfig config() {
    return NatsConfig.builder().addUrl(server.url()).withConnectionName(owner).build();
  }

  /** Opens a connection to the server; the extension closes it after the test. */
  public Connection connect() {
    Connection connection = config().connect();
    synchronized (connections) {
      connections.add(connection);
    }
    return connection;
  }

  /** Closes every connection opened through {@link #connect()}. */
  void closeConnections() throws InterruptedException {
    List<Connection> open;
    synchronized (connections) {
      open = List.copyOf(connections);
      connections.clear();
    }
    for (Connection connection : open) {
      connection.close();
    }
  }

  @Override
  public String toString() {
    return "NatsFixture[" + server + ", owner=" + owner + "]";
  }
}
