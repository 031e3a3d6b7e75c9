package dev.trellis.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A nats-server child process: what {@code trellis up}, the demo and the integration tests run.
 *
 * <pre>{@code
 * try (NatsServer server = NatsServer.builder().withBundledConfig(BundledServerConfig.DEV).build().start();
 *     Connection nc = server.connectionConfig().connect()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} finds the binary ({@code $NATS_SERVER_BIN}, else {@code nats-server} on
 * {@code PATH}, else {@code /usr/sbin}), picks free ports when none were given, runs {@code
 * nats-server [-c <config>] -a <host> -p <port> [-js] -sd <store> [-m <monitor port>]} in a fresh
 * temporary directory and waits, up to a deadline, for "Server is ready". When another process
 * takes a freely chosen port between the pick and the bind, it retries with new ports. The output
 * (stdout and stderr merged) is kept in memory, bounded to the last lines, and returned by {@link
 * #output()}.
 *
 * <p>{@link #close()} stops the process it started, by its own handle (SIGTERM, then SIGKILL after
 * the stop timeout), and deletes the temporary directory, including a temporary JetStream store; it
 * is idempotent. A JVM shutdown hook does the same if the JVM exits first, so no server outlives a
 * JVM that shuts down normally (a SIGKILLed JVM runs no hooks).
 *
 * <p>Process control uses the JDK's {@link ProcessBuilder} and {@link Process} (pid, destroy,
 * destroyForcibly), which cover everything needed without another dependency. {@code start} and
 * {@code close} are thread-safe; the output is read on one daemon thread per server.
 */
public final class NatsServer implements AutoCloseable {
  private static final Logger LOG = System.getLogger(NatsServer.class.getName());
  private static final int START_ATTEMPTS = 3;
  private static final int OUTPUT_LINES_IN_ERRORS = 40;

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final NatsServerBuilder settings;
  private final List<String> extraArguments;
  private final Map<String, String> environment;
  private final Consumer<String> outputListener;
  private final OutputRing output;
  private State state = State.NEW;
  private volatile ServerProcess process;
  private volatile Path runDir;
  private Thread shutdownHook;
  private Path storeDir;
  private int port;
  private int monitorPort = NatsServerBuilder.NO_MONITOR;

  NatsServer(NatsServerBuilder builder) {
    this.settings = builder;
    this.extraArguments = List.copyOf(builder.arguments);
    this.environment = Map.copyOf(builder.environment);
    this.outputListener = builder.outputListener;
    this.output = new OutputRing(builder.outputLines);
  }

  /** A builder with the defaults: loopback, free port, JetStream in a temporary store. */
  public static NatsServerBuilder builder() {
    return new NatsServerBuilder();
  }

  /**
   * Starts the server and waits until it is ready.
   *
   * @return this server, running
   * @throws NatsServerNotFoundException when there is no nats-server binary
   * @throws NatsServerException when it exits early or is not ready in time
   * @throws IllegalStateException when this server was started before
   */
  public synchronized NatsServer start() {
    if (state != State.NEW) {
      throw new IllegalStateException("nats-server was already started once: " + this);
    }
    Path binary =
        settings.binary != null ? ServerBinary.check(settings.binary) : ServerBinary.resolve();
    try {
      runDir = Files.createTempDirectory("trellis-nats-");
      storeDir = settings.storeDir != null ? settings.storeDir : runDir.resolve("store");
      Files.createDirectories(storeDir);
    } catch (IOException e) {
      deleteRunDir();
      throw new NatsServerException("failed to create nats-server directories: " + e, e);
    }
    shutdownHook = new Thread(this::stopFromShutdownHook, "nats-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Path configFile =
          settings.bundledConfig != null
              ? settings.bundledConfig.copyTo(runDir)
              : settings.configFile;
      launchWithRetries(binary, configFile);
    } catch (RuntimeException e) {
      state = State.STOPPED;
      removeShutdownHook();
      deleteRunDir();
      throw e;
    }
    state = State.RUNNING;
    LOG.log(
        Level.INFO,
        "nats-server started pid={0} url={1} store={2}",
        String.valueOf(process.pid()),
        url(),
        storeDir);
    return this;
  }

  /** The client url, such as {@code nats://127.0.0.1:41234}. */
  public String url() {
    return "nats://" + clientHost() + ":" + port();
  }

  /** The client port. */
  public synchronized int port() {
    requireStarted();
    return port;
  }

  /** The HTTP monitoring port, when monitoring was asked for. */
  public synchronized OptionalInt monitorPort() {
    requireStarted();
    return monitorPort == NatsServerBuilder.NO_MONITOR
        ? OptionalInt.empty()
        : OptionalInt.of(monitorPort);
  }

  /** The process id of the nats-server this object started. */
  public long pid() {
    requireStarted();
    return process.pid();
  }

  /** The JetStream store directory ({@code -sd}). */
  public synchronized Path storeDir() {
    requireStarted();
    return storeDir;
  }

  /** Whether the server was started, not stopped, and its process is alive. */
  public synchronized boolean isRunning() {
    return state == State.RUNNING && process != null && process.isAlive();
  }

  /** Anonymous client settings for this server. */
  public NatsConfig connectionConfig() {
    return NatsConfig.of(url());
  }

  /** The last output lines (stdout and stderr merged), oldest first. */
  public List<String> output() {
    return output.lines();
  }

  /** The last output lines as one text, noting how many earlier lines were dropped. */
  public String outputText() {
    return output.text();
  }

  /** Same as {@link #close()}. */
  public void stop() {
    close();
  }

  /**
   * Stops the server process (SIGTERM, then SIGKILL after the stop timeout), waits for it to end
   * and deletes the temporary directory. Does nothing the second time.
   */
  @Override
  public synchronized void close() {
    if (state == State.STOPPED) {
      return;
    }
    if (state == State.NEW) {
      state = State.STOPPED;
      return;
    }
    state = State.STOPPED;
    int exit = process.stop(settings.stopTimeout);
    removeShutdownHook();
    deleteRunDir();
    LOG.log(
        Level.INFO,
        "nats-server stopped pid={0} exit={1}",
        String.valueOf(process.pid()),
        String.valueOf(exit));
    if (process.isAlive()) {
      throw new NatsServerException(
          "failed to stop nats-server pid " + process.pid() + ": still alive after SIGKILL");
    }
  }

  /**
   * Kills the server at once with SIGKILL, as a crash or {@code kill -9} would: no graceful
   * shutdown, no flush of JetStream state. A store given with {@link
   * NatsServerBuilder#withStoreDir} stays, so a new server on the same store and ports can take
   * over (what {@link NatsCluster#restart} does); the temporary directory is deleted. Does nothing
   * once stopped.
   */
  public synchronized void kill() {
    if (state != State.RUNNING) {
      state = State.STOPPED;
      return;
    }
    state = State.STOPPED;
    int exit = process.kill(settings.stopTimeout);
    removeShutdownHook();
    deleteRunDir();
    LOG.log(
        Level.INFO,
        "nats-server killed pid={0} exit={1}",
        String.valueOf(process.pid()),
        String.valueOf(exit));
    if (process.isAlive()) {
      throw new NatsServerException(
          "failed to kill nats-server pid " + process.pid() + ": still alive after SIGKILL");
    }
  }

  @Override
  public synchronized String toString() {
    return process == null
        ? "nats-server (not started)"
        : "nats-server pid=" + process.pid() + " url=" + url() + " state=" + state;
  }

  private void launchWithRetries(Path binary, Path configFile) {
    for (int attempt = 1; ; attempt++) {
      port = settings.port != 0 ? settings.port : FreePorts.pick(settings.host);
      monitorPort =
          settings.monitorPort == 0
              ? FreePorts.pickOtherThan(settings.host, port)
              : settings.monitorPort;
      List<String> command = command(binary, configFile);
      process = ServerProcess.launch(command, runDir, output, outputListener, environment);
      ServerProcess.Readiness readiness = awaitReady(configFile != null);
      if (readiness == ServerProcess.Readiness.READY) {
        return;
      }
      process.stop(settings.stopTimeout);
      boolean portsWerePicked = settings.port == 0 || settings.monitorPort == 0;
      if (process.portInUse() && portsWerePicked && attempt < START_ATTEMPTS) {
        LOG.log(Level.DEBUG, "nats-server port taken, retrying port={0}", String.valueOf(port));
        continue;
      }
      String why =
          readiness == ServerProcess.Readiness.TIMED_OUT
              ? "not ready within " + settings.startTimeout.toMillis() + " ms"
              : "exited with code " + process.exitCode() + " before it was ready";
      throw new NatsServerException(
          "failed to start nats-server on "
              + settings.host
              + ":"
              + port
              + ": "
              + why
              + "; command: "
              + String.join(" ", command)
              + "\nlast output:\n"
              + tail());
    }
  }

  private ServerProcess.Readiness awaitReady(boolean mayLogToFile) {
    try {
      return process.awaitReady(clientHost(), port, settings.startTimeout, mayLogToFile);
    } catch (InterruptedException e) {
      process.stop(settings.stopTimeout);
      Thread.currentThread().interrupt();
      throw new NatsServerException("failed to start nats-server: interrupted while waiting", e);
    }
  }

  private List<String> command(Path binary, Path configFile) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    if (configFile != null) {
      command.add("-c");
      command.add(configFile.toAbsolutePath().toString());
    }
    command.add("-a");
    command.add(settings.host);
    command.add("-p");
    command.add(Integer.toString(port));
    if (settings.jetStream) {
      command.add("-js");
    }
    command.add("-sd");
    command.add(storeDir.toAbsolutePath().toString());
    if (monitorPort != NatsServerBuilder.NO_MONITOR) {
      command.add("-m");
      command.add(Integer.toString(monitorPort));
    }
    if (settings.serverName != null) {
      command.add("-n");
      command.add(settings.serverName);
    }
    command.addAll(extraArguments);
    return command;
  }

  private String clientHost() {
    return switch (settings.host) {
      case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
      default -> settings.host;
    };
  }

  private String tail() {
    List<String> lines = output.lines();
    return String.join(
        "\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_IN_ERRORS), lines.size()));
  }

  private void requireStarted() {
    if (process == null) {
      throw new IllegalStateException("nats-server is not started; call start() first");
    }
  }

  private void stopFromShutdownHook() {
    ServerProcess running = process;
    if (running != null) {
      running.stop(settings.stopTimeout);
    }
    deleteRunDir();
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook is running or has run: nothing to remove
    }
  }

  private void deleteRunDir() {
    Path dir = runDir;
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
      LOG.log(Level.WARNING, "failed to delete nats-server directory dir={0}: {1}", dir, e);
    }
  }
}
