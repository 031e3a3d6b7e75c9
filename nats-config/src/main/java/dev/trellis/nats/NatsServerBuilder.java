package dev.trellis.nats;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings for a {@link NatsServer}; obtain one with {@link NatsServer#builder()}. The defaults
 * give a loopback server on a free port with JetStream in a temporary store, no monitoring port.
 */
public final class NatsServerBuilder {
  static final int NO_MONITOR = -1;

  Path binary;
  String host = "127.0.0.1";
  int port;
  int monitorPort = NO_MONITOR;
  boolean jetStream = true;
  Path storeDir;
  Path configFile;
  BundledServerConfig bundledConfig;
  String serverName;
  Duration startTimeout = Duration.ofSeconds(15);
  Duration stopTimeout = Duration.ofSeconds(5);
  int outputLines = 2000;
  Consumer<String> outputListener = line -> {};
  final List<String> arguments = new ArrayList<>();
  final Map<String, String> environment = new LinkedHashMap<>();

  NatsServerBuilder() {}

  /** The executable to run, instead of {@code $NATS_SERVER_BIN} or {@code nats-server} on PATH. */
  public NatsServerBuilder withBinary(Path binary) {
    this.binary = Objects.requireNonNull(binary, "binary");
    return this;
  }

  /** The address to listen on ({@code -a}); default {@code 127.0.0.1}. */
  public NatsServerBuilder withHost(String host) {
    this.host = requireText(host, "host");
    return this;
  }

  /** The client port ({@code -p}); 0 (the default) picks a free port. */
  public NatsServerBuilder withPort(int port) {
    this.port = requirePort(port, "port");
    return this;
  }

  /** Serve HTTP monitoring ({@code -m}) on this port; 0 picks a free port. Off by default. */
  public NatsServerBuilder withMonitorPort(int monitorPort) {
    this.monitorPort = requirePort(monitorPort, "monitor port");
    return this;
  }

  /** Whether to pass {@code -js}; on by default. A config file may enable JetStream on its own. */
  public NatsServerBuilder withJetStream(boolean jetStream) {
    this.jetStream = jetStream;
    return this;
  }

  /**
   * The JetStream store directory ({@code -sd}), kept when the server stops. By default the store
   * is a fresh temporary directory deleted on stop.
   */
  public NatsServerBuilder withStoreDir(Path storeDir) {
    this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
    return this;
  }

  /** A server config file ({@code -c}); the listen address, ports and store flags override it. */
  public NatsServerBuilder withConfigFile(Path configFile) {
    this.configFile = Objects.requireNonNull(configFile, "configFile");
    this.bundledConfig = null;
    return this;
  }

  /** One of the config files shipped with Trellis, such as {@link BundledServerConfig#DEV}. */
  public NatsServerBuilder withBundledConfig(BundledServerConfig config) {
    this.bundledConfig = Objects.requireNonNull(config, "config");
    this.configFile = null;
    return this;
  }

  /** The server name ({@code -n}); nats-server picks one from its id by default. */
  public NatsServerBuilder withServerName(String serverName) {
    this.serverName = requireText(serverName, "server name");
    return this;
  }

  /** How long to wait for the server to become ready; default 15 s. */
  public NatsServerBuilder withStartTimeout(Duration startTimeout) {
    this.startTimeout = requirePositive(startTimeout, "start timeout");
    return this;
  }

  /** How long to wait after SIGTERM before SIGKILL, and again after SIGKILL; default 5 s. */
  public NatsServerBuilder withStopTimeout(Duration stopTimeout) {
    this.stopTimeout = requirePositive(stopTimeout, "stop timeout");
    return this;
  }

  /** How many of the server's last output lines to keep in memory; default 2000. */
  public NatsServerBuilder withOutputLines(int outputLines) {
    if (outputLines < 1) {
      throw new NatsConfigException(
          "failed to configure nats-server: output lines must be at least 1: " + outputLines);
    }
    this.outputLines = outputLines;
    return this;
  }

  /**
   * Receives every output line as it is read, on the server's output thread; it must not block. Use
   * it to forward the server log to the application's logger.
   */
  public NatsServerBuilder withOutputListener(Consumer<String> outputListener) {
    this.outputListener = Objects.requireNonNull(outputListener, "outputListener");
    return this;
  }

  /** An extra command-line argument, passed after the ones the launcher builds. */
  public NatsServerBuilder addArgument(String argument) {
    arguments.add(Objects.requireNonNull(argument, "argument"));
    return this;
  }

  /**
   * An environment variable of the server process. nats-server substitutes environment variables
   * for {@code $NAME} references a config file does not define itself; the bundled templates
   * ({@link BundledServerConfig#CLUSTER_NODE}, {@link BundledServerConfig#TLS}…) are filled this
   * way.
   */
  public NatsServerBuilder addEnvironment(String name, String value) {
    environment.put(requireText(name, "environment variable name"), Objects.requireNonNull(value));
    return this;
  }

  /** A server with these settings, not started yet. */
  public NatsServer build() {
    if (port != 0 && port == monitorPort) {
      throw new NatsConfigException(
          "failed to configure nats-server: client and monitor port are both " + port);
    }
    return new NatsServer(this);
  }

  private static int requirePort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new NatsConfigException(
          "failed to configure nats-server: " + what + " must be within 0..65535: " + port);
    }
    return port;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new NatsConfigException(
          "failed to configure nats-server: " + what + " must not be blank");
    }
    return value.strip();
  }

  private static Duration requirePositive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new NatsConfigException(
          "failed to configure nats-server: " + what + " must be positive: " + value);
    }
    return value;
  }
}
