package dev.trellis.provider;

import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.antiforgery.ProviderInvocationValidator;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import dev.trellis.nats.NatsConnectException;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CapabilityProvider} as a wasmbus provider process (spec dataplane §3, §4, §6, §7.3,
 * Appendix D). A provider's {@code main} is one line:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ProviderRunner.run(new MyProvider());
 * }
 * }</pre>
 *
 * <p>What {@link #run(CapabilityProvider)} does:
 *
 * <ol>
 *   <li>If stdin is a terminal, prints a message saying the program is started by a host, and exits
 *       with code 2. Otherwise reads one line of base64 HostData JSON from stdin, waiting up to
 *       {@value #DEFAULT_STDIN_TIMEOUT_MS} ms (env {@value #STDIN_TIMEOUT_ENV} overrides); a
 *       missing or bad line prints the reason on stderr and exits with code 2.
 *   <li>Connects to {@code lattice_rpc_url} ({@code nats://} added when missing), with the user JWT
 *       and seed when both are given (a seed alone: nkey auth), TLS when {@code lattice_rpc_tls}; a
 *       failure exits with code 1.
 *   <li>Calls {@link CapabilityProvider#registerOperations} and {@link CapabilityProvider#start};
 *       subscribes {@code linkdefs.put}, {@code linkdefs.del}, {@code health}, {@code shutdown};
 *       delivers HostData's links through {@link CapabilityProvider#putLink}; subscribes the RPC
 *       subject in queue group {@code rpc}.
 *   <li>Runs until a shutdown request addressed to this host (JSON {@code host_id} equal to
 *       HostData's, or empty/missing/unparsable, with a warning) — it then calls {@link
 *       CapabilityProvider#shutdown}, replies {@code shutting down}, drains and exits with code 0 —
 *       or until stdin reaches end of file (the host is gone), which also ends in code 0. SIGTERM
 *       runs the same stop through a JVM shutdown hook.
 * </ol>
 *
 * <p>Logging: the SDK logs through SLF4J; the provider's {@code main} picks the backend and should
 * log to stderr (a host re-logs stdout). Use {@link Builder#onHostData} to apply {@code log_level}
 * and {@code structured_logging} before the provider connects.
 *
 * <p>Threads:
 *
 * <ul>
 *   <li>{@code trellis-provider-stdin} (daemon): reads the HostData line, then waits for end of
 *       file.
 *   <li>jnats dispatcher threads (one for link/health/shutdown subjects, one for RPC): decode
 *       nothing and never block; they hand every message to the threads below.
 *   <li>{@code trellis-provider-control} (one daemon thread): {@code putLink}, {@code deleteLink}
 *       and shutdown requests, one at a time in arrival order.
 *   <li>workers: a virtual thread per task on JDK 21+, else daemon threads {@code
 *       trellis-provider-worker-N}: invocations (dechunk, validate, handler, reply) and health
 *       checks, concurrently. Handlers and {@code health()} may block, and may call actors.
 *   <li>provider → actor calls ({@link ProviderConnection#callActorAsync}): the jnats thread that
 *       receives a reply decodes it and completes the call's future; object-store transfers of
 *       chunked calls run on transfer threads (virtual on JDK 21+, else daemon threads {@code
 *       trellis-provider-transfer-N}); timeouts fire on {@code trellis-provider-timer}.
 *   <li>{@code trellis-provider-stop}: the stop sequence, once.
 * </ul>
 *
 * <p>Tests and embedders use the builder: {@link Builder#withHostData} skips stdin, {@link
 * #start()} returns once every subscription is in place, {@link #close()} stops without exiting the
 * JVM.
 */
public final class ProviderRunner implements AutoCloseable {
  /** How long {@link #run} waits for the HostData line by default. */
  public static final long DEFAULT_STDIN_TIMEOUT_MS = 10_000;

  /** Environment variable overriding the stdin timeout, in milliseconds. */
  public static final String STDIN_TIMEOUT_ENV = "TRELLIS_HOSTDATA_TIMEOUT_MS";

  /** Exit code for a provider that could not get its HostData (run by hand, bad line, timeout). */
  public static final int EXIT_NO_HOSTDATA = 2;

  /** Exit code for a provider that failed to start after reading HostData. */
  public static final int EXIT_START_FAILED = 1;

  private static final Logger LOG = LoggerFactory.getLogger(ProviderRunner.class);

  private final CapabilityProvider provider;
  private final HostData givenHostData;
  private final InputStream stdin;
  private final boolean systemStdin;
  private final Duration stdinTimeout;
  private final Duration drainTimeout;
  private final Consumer<HostData> onHostData;
  private final Clock clock;
  private final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
  private RunningProvider running;
  private ProviderConnection connection;

  private ProviderRunner(Builder b) {
    this.provider = b.provider;
    this.givenHostData = b.hostData;
    this.systemStdin = b.stdin == null;
    this.stdin = b.stdin == null ? System.in : b.stdin;
    this.stdinTimeout = b.stdinTimeout;
    this.drainTimeout = b.drainTimeout;
    this.onHostData = b.onHostData;
    this.clock = b.clock;
  }

  /**
   * A runner for {@code provider}, reading HostData from {@link System#in} unless told otherwise.
   */
  public static Builder builder(CapabilityProvider provider) {
    return new Builder(provider);
  }

  /**
   * Runs {@code provider} as the whole process: never returns; exits the JVM with 0 after a
   * shutdown request or when the host is gone, 2 without HostData, 1 when starting failed.
   */
  public static void run(CapabilityProvider provider) {
    System.exit(builder(provider).build().runToExit());
  }

  /**
   * Starts the provider and waits until it stops; returns the exit code {@link #run} uses. Prints
   * start failures on stderr. A provider {@code main} that configures the builder ends with {@code
   * System.exit(runner.runToExit())}.
   */
  public int runToExit() {
    Thread hook = new Thread(this::close, "trellis-provider-sigterm");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start();
    } catch (HostDataException e) {
      System.err.println(e.getMessage());
      return EXIT_NO_HOSTDATA;
    } catch (RuntimeException e) {
      LOG.error("provider failed to start", e);
      System.err.println("failed to start provider: " + e.getMessage());
      close();
      return EXIT_START_FAILED;
    }
    StopReason reason = stopped.join();
    LOG.info("provider exiting reason={}", reason);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    return 0;
  }

  /**
   * Gets HostData, connects, subscribes and delivers the initial links; returns once the provider
   * serves requests.
   *
   * @throws HostDataException without usable HostData
   * @throws NatsConnectException if NATS refuses the connection
   */
  public synchronized ProviderConnection start() {
    if (running != null || stopped.isDone()) {
      throw new IllegalStateException("failed to start provider: it was started before");
    }
    HostData hostData = givenHostData != null ? givenHostData : readHostData();
    onHostData.accept(hostData);
    requireIdentity(hostData);
    LOG.debug(
        "provider connecting provider={} link_name={} lattice={} instance={}",
        hostData.providerKey(),
        hostData.linkName(),
        hostData.latticeRpcPrefix(),
        hostData.instanceId());
    Connection nats = connect(natsConfig(hostData));
    RunningProvider started = null;
    ProviderConnection startedConnection;
    ExecutorService transfers = ProviderThreads.transfers();
    ScheduledExecutorService timer = ProviderThreads.timer();
    try {
      LinkTable links = new LinkTable(provider);
      ChunkStore chunks = ChunkStore.of(nats, hostData.latticeRpcPrefix(), hostData.jsDomain());
      Operations operations = new Operations();
      provider.registerOperations(operations);
      startedConnection =
          new ProviderConnection(hostData, nats, links, chunks, signer(hostData), transfers, timer);
      provider.start(startedConnection);
      ProviderInvocationValidator validator =
          new ProviderInvocationValidator(
              hostData.clusterIssuers(), hostData.providerKey(), hostData.hostId(), clock);
      started =
          new RunningProvider(
              provider,
              hostData,
              nats,
              links,
              new InboundInvocations(
                  provider, hostData.providerKey(), nats, operations, links, validator, chunks),
              drainTimeout);
      started.subscribe();
    } catch (RuntimeException e) {
      if (started != null) {
        started.stop(StopReason.CLOSED); // shuts the provider down and closes the connection
      } else {
        closeQuietly(nats);
      }
      transfers.shutdown();
      timer.shutdown();
      throw e;
    }
    running = started;
    connection = startedConnection;
    running
        .stopped()
        .whenComplete(
            (reason, e) -> {
              // the connection is closed: jnats has failed every call still waiting
              transfers.shutdown();
              timer.shutdown();
              stopped.complete(reason);
            });
    LOG.info(
        "provider started provider={} contract={} link_name={} lattice={} host={} links={}",
        hostData.providerKey(),
        provider.contractId(),
        hostData.linkName(),
        hostData.latticeRpcPrefix(),
        hostData.hostId(),
        connection.links().size());
    return connection;
  }

  /** The connection of the started provider. */
  public synchronized ProviderConnection connection() {
    if (connection == null) {
      throw new IllegalStateException("failed to get connection: the provider is not started");
    }
    return connection;
  }

  /** Completes with the reason once the provider has stopped and closed its NATS connection. */
  public CompletableFuture<StopReason> stopped() {
    return stopped;
  }

  /**
   * Stops the provider (calls {@link CapabilityProvider#shutdown} if no shutdown request did) and
   * waits for the stop to finish. Does not exit the JVM. Idempotent.
   */
  @Override
  public void close() {
    stop(StopReason.CLOSED);
    try {
      stopped.get(drainTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("provider did not stop in time cause={}", e.toString());
    }
  }

  /**
   * Stops a running provider; before {@link #start()} (or after it failed) just marks the runner
   * stopped. Synchronized with {@code start()}: a stop asked for while starting (stdin closed,
   * SIGTERM) applies as soon as the start finishes.
   */
  private synchronized void stop(StopReason reason) {
    if (running != null) {
      running.stop(reason);
    } else {
      stopped.complete(reason);
    }
  }

  private HostData readHostData() {
    if (systemStdin && HostDataReader.stdinIsTerminal()) {
      throw new HostDataException(HostDataReader.RUN_BY_HAND);
    }
    return HostDataReader.read(stdin, stdinTimeout, () -> stop(StopReason.HOST_GONE));
  }

  private static void requireIdentity(HostData hostData) {
    if (hostData.providerKey().isEmpty()
        || hostData.latticeRpcPrefix().isEmpty()
        || hostData.linkName().isEmpty()) {
      throw new HostDataException(
          "failed to start provider: HostData lacks provider_key, lattice_rpc_prefix or link_name"
              + " ("
              + hostData
              + "); the host must send all three");
    }
  }

  private static NatsConfig natsConfig(HostData hostData) {
    NatsConfigBuilder config =
        NatsConfig.builder()
            .addUrl(hostData.natsUrl())
            .withTls(hostData.latticeRpcTls())
            .withJsDomain(hostData.jsDomain())
            .withConnectionName(
                "provider " + hostData.providerKey() + " link " + hostData.linkName());
    String jwt = hostData.latticeRpcUserJwt();
    String seed = hostData.latticeRpcUserSeed().reveal();
    if (!jwt.isBlank() && !seed.isBlank()) {
      config.withUserJwt(jwt, seed);
    } else if (!seed.isBlank()) {
      config.withSeed(seed);
    }
    return config.build();
  }

  private static Connection connect(NatsConfig config) {
    NatsEvents events = new NatsEvents();
    try {
      return Nats.connect(
          config.optionsBuilder().errorListener(events).connectionListener(events).build());
    } catch (IOException e) {
      throw new NatsConnectException(
          "failed to connect to NATS at "
              + String.join(",", config.urls())
              + ": "
              + e.getMessage()
              + "; check lattice_rpc_url and the provider's NATS credentials",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsConnectException("failed to connect to NATS: interrupted", e);
    }
  }

  private Supplier<InvocationSigner> signer(HostData hostData) {
    InvocationSigner signer;
    String problem = null;
    if (hostData.invocationSeed().isEmpty()) {
      signer = null;
      problem = "HostData has no invocation_seed";
    } else {
      InvocationSigner made = null;
      try {
        made = new InvocationSigner(KeyPair.fromSeed(hostData.invocationSeed().reveal()), clock);
      } catch (KeyException e) {
        problem = "HostData's invocation_seed is not a valid seed: " + e.getMessage();
      }
      signer = made;
    }
    String reason = problem;
    return () -> {
      if (signer == null) {
        throw new ActorCallException("failed to sign a call to an actor: " + reason);
      }
      return signer;
    };
  }

  private static Duration stdinTimeoutFromEnv() {
    String value = System.getenv(STDIN_TIMEOUT_ENV);
    if (value != null && !value.isBlank()) {
      try {
        return Duration.ofMillis(Long.parseLong(value.strip()));
      } catch (NumberFormatException e) {
        System.err.println(STDIN_TIMEOUT_ENV + "=" + value + " is not a number of ms; ignored");
      }
    }
    return Duration.ofMillis(DEFAULT_STDIN_TIMEOUT_MS);
  }

  private static void closeQuietly(Connection nats) {
    try {
      nats.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures a {@link ProviderRunner}. */
  public static final class Builder {
    private final CapabilityProvider provider;
    private HostData hostData;
    private InputStream stdin;
    private Duration stdinTimeout = stdinTimeoutFromEnv();
    private Duration drainTimeout = Duration.ofSeconds(3);
    private Consumer<HostData> onHostData = hostData -> {};
    private Clock clock = Clock.systemUTC();

    private Builder(CapabilityProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Uses {@code hostData} instead of reading stdin (tests, embedding). */
    public Builder withHostData(HostData hostData) {
      this.hostData = hostData;
      return this;
    }

    /**
     * Reads HostData from {@code stdin} instead of {@link System#in}; its end means "host gone".
     */
    public Builder withStdin(InputStream stdin) {
      this.stdin = stdin;
      return this;
    }

    /**
     * How long to wait for the HostData line; default {@value
     * ProviderRunner#DEFAULT_STDIN_TIMEOUT_MS} ms, or env {@value
     * ProviderRunner#STDIN_TIMEOUT_ENV}.
     */
    public Builder withStdinTimeout(Duration timeout) {
      this.stdinTimeout = requirePositive(timeout, "stdin timeout");
      return this;
    }

    /** How long in-flight invocations may run on when the provider stops (default 3 s). */
    public Builder withDrainTimeout(Duration timeout) {
      this.drainTimeout = requirePositive(timeout, "drain timeout");
      return this;
    }

    /**
     * Called with HostData as soon as it is read, before connecting: set up logging here ({@code
     * log_level}, {@code structured_logging}).
     */
    public Builder onHostData(Consumer<HostData> listener) {
      this.onHostData = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock for invocation claims ({@code iat}) and their validation. */
    public Builder withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ProviderRunner build() {
      return new ProviderRunner(this);
    }

    private static Duration requirePositive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("the " + what + " must be positive: " + d);
      }
      return d;
    }
  }
}
