package dev.trellis.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A NATS cluster of nats-server child processes on loopback (three nodes by default), with
 * clustered JetStream: what the failover tests and a local multi-host lattice run.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.builder().build().start()) {
 *   Connection nc = cluster.node(0).connectionConfig().connect();
 *   cluster.kill(1);      // SIGKILL, as a crash
 *   cluster.restart(1);   // same ports, same JetStream store; waits until it rejoined
 * }
 * }</pre>
 *
 * <p>Each node runs {@link BundledServerConfig#CLUSTER_NODE} with its own client, route and
 * monitoring port (free ports picked once, kept across restarts) and its own JetStream store under
 * one temporary directory; its routes name the other nodes. {@link #start()} starts the nodes one
 * after the other and returns when the cluster is formed: every running node has a route to every
 * other one and knows the JetStream meta leader (read from {@code /routez} and {@code /jsz}). When
 * a picked port is taken before a node binds it, the whole cluster is retried on new ports.
 *
 * <p>{@link #close()} stops every node and deletes the directory; it is idempotent. Methods are
 * thread-safe.
 */
public final class NatsCluster implements AutoCloseable {
  private static final Logger LOG = System.getLogger(NatsCluster.class.getName());
  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;

  private record Ports(int client, int route, int monitor) {}

  private final Builder settings;
  private final List<NatsServer> nodes = new ArrayList<>();
  private List<Ports> ports = List.of();
  private Path baseDir;
  private boolean started;
  private boolean closed;

  private NatsCluster(Builder settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every node and waits until the cluster is formed.
   *
   * @throws NatsServerException when a node does not start or the cluster does not form in time
   * @throws IllegalStateException when this cluster was started before
   */
  public synchronized NatsCluster start() {
    if (started) {
      throw new IllegalStateException("NATS cluster was already started once");
    }
    started = true;
    try {
      baseDir = Files.createTempDirectory("trellis-nats-cluster-");
    } catch (IOException e) {
      throw new NatsServerException("failed to create the NATS cluster directory: " + e, e);
    }
    for (int attempt = 1; ; attempt++) {
      ports = pickPorts();
      try {
        for (int i = 0; i < settings.size; i++) {
          nodes.add(launch(i));
        }
        break;
      } catch (NatsServerException e) {
        stopNodes();
        boolean collision = String.valueOf(e.getMessage()).contains("address already in use");
        if (!collision || attempt == START_ATTEMPTS) {
          deleteBaseDir();
          closed = true;
          throw e;
        }
        LOG.log(Level.DEBUG, "nats cluster port taken, retrying attempt={0}", attempt);
      }
    }
    awaitFormed();
    LOG.log(Level.INFO, "nats cluster formed nodes={0} urls={1}", settings.size, urls());
    return this;
  }

  /** The number of nodes. */
  public int size() {
    return settings.size;
  }

  /** The server of node {@code index} (0-based); a new object after {@link #restart}. */
  public synchronized NatsServer node(int index) {
    requireStarted();
    return nodes.get(Objects.checkIndex(index, nodes.size()));
  }

  /** The server name of node {@code index}, e.g. {@code n1} for index 0. */
  public String nodeName(int index) {
    return "n" + (Objects.checkIndex(index, settings.size) + 1);
  }

  /** The client url of every node, in node order, running or not. */
  public synchronized List<String> urls() {
    requireStarted();
    return ports.stream().map(p -> "nats://" + HOST + ":" + p.client()).toList();
  }

  /** Anonymous client settings listing every node, so a client fails over between them. */
  public NatsConfig connectionConfig() {
    NatsConfigBuilder builder = NatsConfig.builder();
    urls().forEach(builder::addUrl);
    return builder.build();
  }

  /**
   * Kills node {@code index} with SIGKILL (no graceful shutdown, as a crash would), keeping its
   * JetStream store for {@link #restart}.
   */
  public synchronized void kill(int index) {
    node(index).kill();
  }

  /**
   * Starts node {@code index} again on the same ports and store, after {@link #kill} (or directly:
   * a running node is stopped first), and waits until the cluster is formed again.
   *
   * @return the node's new server
   */
  public synchronized NatsServer restart(int index) {
    NatsServer old = node(index);
    if (old.isRunning()) {
      old.close();
    }
    NatsServer fresh = launch(index);
    nodes.set(index, fresh);
    awaitFormed();
    return fresh;
  }

  /**
   * Waits until every running node has a route to every other running node and knows a JetStream
   * meta leader.
   *
   * @throws NatsServerException when that does not happen within the form timeout
   */
  public void awaitFormed() {
    long deadline = System.nanoTime() + settings.formTimeout.toNanos();
    String state = "";
    while (true) {
      List<NatsServer> running;
      synchronized (this) {
        requireStarted();
        running = nodes.stream().filter(NatsServer::isRunning).toList();
      }
      state = formationState(running);
      if (state.isEmpty()) {
        return;
      }
      if (System.nanoTime() - deadline > 0 || !Monitoring.pause()) {
        throw new NatsServerException(
            "failed to form the NATS cluster within "
                + settings.formTimeout.toMillis()
                + " ms: "
                + state
                + "; see the nodes' output()");
      }
    }
  }

  /** Stops every node (SIGTERM, then SIGKILL) and deletes the stores. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopNodes();
    deleteBaseDir();
  }

  @Override
  public synchronized String toString() {
    return "nats cluster of " + settings.size + (started ? " " + ports : " (not started)");
  }

  /** What is still missing, or {@code ""} when the running nodes form a cluster. */
  private String formationState(List<NatsServer> running) {
    List<String> missing = new ArrayList<>();
    for (NatsServer node : running) {
      int monitor = node.monitorPort().orElseThrow();
      Optional<String> routez = Monitoring.get(HOST, monitor, "/routez");
      long routes = routez.flatMap(j -> box(Monitoring.number(j, "num_routes"))).orElse(-1L);
      if (routes < running.size() - 1) {
        missing.add("port " + node.port() + " has " + Math.max(routes, 0) + " routes");
        continue;
      }
      Optional<String> leader =
          Monitoring.get(HOST, monitor, "/jsz").flatMap(j -> Monitoring.text(j, "leader"));
      if (leader.filter(l -> !l.isEmpty()).isEmpty()) {
        missing.add("port " + node.port() + " knows no JetStream meta leader");
      }
    }
    return String.join(", ", missing);
  }

  private static Optional<Long> box(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  private NatsServer launch(int index) {
    Ports own = ports.get(index);
    List<String> routes = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      if (i != index) {
        routes.add("nats://" + HOST + ":" + ports.get(i).route());
      }
    }
    NatsServerBuilder builder =
        NatsServer.builder()
            .withHost(HOST)
            .withPort(own.client())
            .withMonitorPort(own.monitor())
            .withBundledConfig(BundledServerConfig.CLUSTER_NODE)
            .withStoreDir(baseDir.resolve(nodeName(index)))
            .withStartTimeout(settings.startTimeout)
            .withOutputListener(settings.outputListener)
            .addEnvironment("TRELLIS_NODE_NAME", nodeName(index))
            .addEnvironment("TRELLIS_CLUSTER_NAME", settings.clusterName)
            .addEnvironment("TRELLIS_CLUSTER_LISTEN", HOST + ":" + own.route())
            .addEnvironment("TRELLIS_CLUSTER_ROUTES", "[" + String.join(", ", routes) + "]");
    if (settings.binary != null) {
      builder.withBinary(settings.binary);
    }
    return builder.build().start();
  }

  private List<Ports> pickPorts() {
    Set<Integer> used = new HashSet<>();
    List<Ports> out = new ArrayList<>();
    for (int i = 0; i < settings.size; i++) {
      out.add(new Ports(uniquePort(used), uniquePort(used), uniquePort(used)));
    }
    return List.copyOf(out);
  }

  private static int uniquePort(Set<Integer> used) {
    int port = FreePorts.pick(HOST);
    while (!used.add(port)) {
      port = FreePorts.pick(HOST);
    }
    return port;
  }

  private void stopNodes() {
    RuntimeException failure = null;
    for (NatsServer node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    nodes.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private void deleteBaseDir() {
    Path dir = baseDir;
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "failed to delete nats cluster directory dir={0}: {1}", dir, e);
    }
  }

  private void requireStarted() {
    if (!started || closed) {
      throw new IllegalStateException("NATS cluster is not running; call start() first");
    }
  }

  /** Settings of a {@link NatsCluster}. */
  public static final class Builder {
    private int size = 3;
    private String clusterName = "trellis";
    private Duration startTimeout = Duration.ofSeconds(15);
    private Duration formTimeout = Duration.ofSeconds(30);
    private Path binary;
    private Consumer<String> outputListener = line -> {};

    private Builder() {}

    /** How many nodes; default 3 (the smallest cluster that survives losing one). */
    public Builder withNodes(int nodes) {
      if (nodes < 2 || nodes > 9) {
        throw new NatsConfigException(
            "failed to configure NATS cluster: nodes must be within 2..9: " + nodes);
      }
      this.size = nodes;
      return this;
    }

    /** The cluster name; default {@code trellis}. */
    public Builder withClusterName(String name) {
      if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
        throw new NatsConfigException(
            "failed to configure NATS cluster: the name may only hold letters, digits, '-' and"
                + " '_'");
      }
      this.clusterName = name;
      return this;
    }

    /** How long each node may take to become ready; default 15 s. */
    public Builder withStartTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How long the nodes may take to form the cluster; default 30 s. */
    public Builder withFormTimeout(Duration timeout) {
      this.formTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The nats-server executable, instead of the usual lookup. */
    public Builder withBinary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Receives every output line of every node (on the nodes' output threads). */
    public Builder withOutputListener(Consumer<String> listener) {
      this.outputListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** A cluster with these settings, not started yet. */
    public NatsCluster build() {
      return new NatsCluster(this);
    }
  }
}
