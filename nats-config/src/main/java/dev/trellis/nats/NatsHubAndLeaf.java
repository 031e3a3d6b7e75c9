package dev.trellis.nats;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two nats-server child processes: a hub ({@link BundledServerConfig#LEAF_HUB}) and a leaf node
 * ({@link BundledServerConfig#LEAF}) connected to it, the shape of {@code wash up
 * --nats-remote-url}. Clients of either side see each other's messages; each side has its own
 * JetStream (the leaf in domain {@value #LEAF_JS_DOMAIN}).
 *
 * <pre>{@code
 * try (NatsHubAndLeaf pair = NatsHubAndLeaf.start()) {
 *   Connection hub = pair.hub().connectionConfig().connect();
 *   Connection leaf = pair.leaf().connectionConfig().connect();
 * }
 * }</pre>
 *
 * <p>{@link #start()} returns when the hub and the leaf both report the leaf connection on {@code
 * /leafz}. Interest (subscriptions) still crosses the connection asynchronously, as in any NATS
 * topology. {@link #close()} stops both servers, leaf first.
 */
public final class NatsHubAndLeaf implements AutoCloseable {
  /** The JetStream domain of the leaf's own JetStream (see {@code leaf.conf}). */
  public static final String LEAF_JS_DOMAIN = "leaf";

  private static final Logger LOG = System.getLogger(NatsHubAndLeaf.class.getName());
  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  private final NatsServer hub;
  private final NatsServer leaf;
  private final int leafPort;

  private NatsHubAndLeaf(NatsServer hub, NatsServer leaf, int leafPort) {
    this.hub = hub;
    this.leaf = leaf;
    this.leafPort = leafPort;
  }

  /**
   * Starts the hub, then the leaf, and waits until the leaf connection is up.
   *
   * @throws NatsServerException when a server does not start or they do not connect in time
   */
  public static NatsHubAndLeaf start() {
    NatsServer hub = null;
    int leafPort = 0;
    for (int attempt = 1; hub == null; attempt++) {
      leafPort = FreePorts.pick(HOST);
      try {
        hub =
            NatsServer.builder()
                .withMonitorPort(0)
                .withBundledConfig(BundledServerConfig.LEAF_HUB)
                .addEnvironment("TRELLIS_LEAF_LISTEN", HOST + ":" + leafPort)
                .build()
                .start();
      } catch (NatsServerException e) {
        boolean collision = String.valueOf(e.getMessage()).contains("address already in use");
        if (!collision || attempt == START_ATTEMPTS) {
          throw e;
        }
      }
    }
    NatsServer leaf = null;
    try {
      leaf =
          NatsServer.builder()
              .withMonitorPort(0)
              .withBundledConfig(BundledServerConfig.LEAF)
              .addEnvironment("TRELLIS_LEAF_REMOTE", "nats-leaf://" + HOST + ":" + leafPort)
              .build()
              .start();
      awaitConnected(hub, leaf);
    } catch (RuntimeException e) {
      if (leaf != null) {
        leaf.close();
      }
      hub.close();
      throw e;
    }
    LOG.log(Level.INFO, "nats leaf connected hub={0} leaf={1}", hub.url(), leaf.url());
    return new NatsHubAndLeaf(hub, leaf, leafPort);
  }

  /** The hub server. */
  public NatsServer hub() {
    return hub;
  }

  /** The leaf-node server. */
  public NatsServer leaf() {
    return leaf;
  }

  /** The hub's leaf-node port. */
  public int leafPort() {
    return leafPort;
  }

  /** Stops the leaf, then the hub. Idempotent. */
  @Override
  public void close() {
    try {
      leaf.close();
    } finally {
      hub.close();
    }
  }

  private static void awaitConnected(NatsServer hub, NatsServer leaf) {
    long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
    while (leafCount(hub) < 1 || leafCount(leaf) < 1) {
      if (System.nanoTime() - deadline > 0 || !Monitoring.pause()) {
        throw new NatsServerException(
            "failed to connect leaf node "
                + leaf.url()
                + " to hub "
                + hub.url()
                + " within "
                + CONNECT_TIMEOUT.toMillis()
                + " ms; hub output:\n"
                + hub.outputText());
      }
    }
  }

  private static long leafCount(NatsServer server) {
    Optional<String> leafz = Monitoring.get(HOST, server.monitorPort().orElseThrow(), "/leafz");
    OptionalLong count =
        leafz.map(j -> Monitoring.number(j, "leafnodes")).orElse(OptionalLong.empty());
    return count.orElse(0);
  }
}
