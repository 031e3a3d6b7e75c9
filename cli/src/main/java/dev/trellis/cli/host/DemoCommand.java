package dev.trellis.cli.host;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.cli.output.Styles;
import dev.trellis.host.Host;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.TrellisException;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trellis demo}, the README's first command: an embedded nats-server, a host in this
 * process, the httpserver and keyvalue-nats providers from their archives, the kvcounter actor
 * linked to both; it prints the URL, and every request to it counts up in a JetStream KV bucket.
 * Ctrl-C stops the actor, the providers, the host and nats-server, leaving no process behind. While
 * it runs, {@code host_config.json} points at it (so {@code trellis get inventory} and {@code
 * trellis call} work from another terminal); the previous file comes back when it stops.
 */
@Command(
    name = "demo",
    description = {
      "Run the demo: NATS, a host, an HTTP server and a key-value store (NATS KV) as providers,",
      "and a counter actor linked to both. Prints a URL; each request counts up. Ctrl-C stops it."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  trellis demo", "  trellis demo --http-port 9090"})
public final class DemoCommand implements CliCommand {
  private static final String LATTICE = "default";
  private static final String LINK = "default";

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port of the HTTP server (default 8080, else a free port).")
  Integer httpPort;

  @Option(
      names = "--nats-port",
      paramLabel = "PORT",
      description = "Port of the embedded nats-server (default 4222, else a free port).")
  Integer natsPort;

  @Option(names = "--httpserver", paramLabel = "PAR", description = "The httpserver archive.")
  Path httpserverArchive;

  @Option(names = "--keyvalue", paramLabel = "PAR", description = "The keyvalue archive.")
  Path keyvalueArchive;

  @Option(names = "--actor", paramLabel = "WASM", description = "The counter actor module.")
  Path actorModule;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "warn",
      description = "Host log level (default warn; info shows every start and provider output).")
  String logLevel;

  @Override
  public CommandResult call(CommandContext ctx) throws InterruptedException {
    LogLevels.apply(logLevel);
    Path root = DemoFiles.root(ctx);
    Path actor = DemoFiles.require(ctx, root, actorModule, DemoFiles.ACTOR, null);
    Path http =
        DemoFiles.require(
            ctx, root, httpserverArchive, DemoFiles.HTTPSERVER, "providers/httpserver");
    Path kv =
        DemoFiles.require(
            ctx, root, keyvalueArchive, DemoFiles.KEYVALUE, "providers/keyvalue-nats");
    int webPort = httpPort != null ? httpPort : freeOr(8080);
    UpState state = UpState.in(ctx.home());
    LocalNats nats;
    try (Progress p = ctx.output().progress("starting nats-server")) {
      nats =
          LocalNats.start(
              "127.0.0.1",
              natsPort != null ? natsPort : freeOr(4222),
              null,
              state.dir().resolve("demo-nats-server.log"));
    }
    HostSettings settings = HostSettings.local("127.0.0.1", nats.port(), LATTICE, logLevel);
    Path cache = SupervisorConfig.defaults(settings.natsAddress()).cacheDir();
    RunningHost running;
    try (Progress p = ctx.output().progress("starting the host")) {
      running = RunningHost.start(settings, nats, cache);
    }
    ConfigBackup config = ConfigBackup.take(ctx.home().hostConfigFile());
    Thread hook =
        new Thread(
            () -> {
              ctx.output().notice("stopping the demo: actor, providers, host, nats-server…");
              stop(running, config);
            },
            "trellis-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    DemoLattice lattice;
    try {
      HostConfigFileCodec.write(ctx.home().hostConfigFile(), running.configFile());
      lattice = deploy(ctx, running.lattice().host(), actor, http, kv, cache, webPort);
      lattice.awaitHttp(ctx);
    } catch (RuntimeException e) {
      removeHook(hook);
      stop(running, config);
      throw e instanceof TrellisException
          ? e
          : new CliException("failed to start the demo: " + e, e);
    }
    if (!ctx.output().isJson()) {
      print(ctx, running, lattice);
    }
    try {
      running.awaitStopped();
    } finally {
      removeHook(hook);
      stop(running, config);
    }
    String message = "Demo stopped";
    return CommandResult.builder(message)
        .put("result", message)
        .put("url", lattice.url())
        .put("host_id", running.hostId())
        .build();
  }

  private static DemoLattice deploy(
      CommandContext ctx, Host host, Path actor, Path http, Path kv, Path cache, int webPort) {
    ActorModule module;
    try (Progress p = ctx.output().progress("starting the counter actor")) {
      module =
          host.startActor(
              read(actor), host.defaultActorOptions(), actor.toString(), Map.<String, String>of());
    }
    ProviderSpec httpSpec =
        ProviderSpec.fromArchive(http, LINK, cache, http.toString(), host.config().clock());
    ProviderSpec kvSpec =
        ProviderSpec.fromArchive(kv, LINK, cache, kv.toString(), host.config().clock());
    String address = "127.0.0.1:" + webPort;
    List<LinkDefinition> links =
        List.of(
            new LinkDefinition(
                module.publicKey(),
                httpSpec.providerKey(),
                LINK,
                HttpServer.CONTRACT_ID,
                Map.of("ADDRESS", address)),
            new LinkDefinition(
                module.publicKey(), kvSpec.providerKey(), LINK, KeyValue.CONTRACT_ID, Map.of()));
    links.forEach(host.links()::put);
    awaitLinks(host, links);
    try (Progress p = ctx.output().progress("starting the httpserver and keyvalue providers")) {
      host.startProvider(kvSpec);
      host.startProvider(httpSpec);
    }
    return new DemoLattice(module, httpSpec, kvSpec, "http://" + address + "/");
  }

  /**
   * Waits until the host's link store holds {@code links}: it learns them back from the lattice
   * bucket, and a provider gets the links the store holds in its HostData when it starts. (A link
   * put while a provider is still connecting would reach it only later.)
   */
  private static void awaitLinks(Host host, List<LinkDefinition> links) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!host.links().all().containsAll(links)) {
      if (System.nanoTime() > deadline) {
        throw new CliException(
            "failed to start the demo: the host did not see its links in the lattice bucket within"
                + " 30 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("failed to start the demo: interrupted", e);
      }
    }
  }

  private static void print(CommandContext ctx, RunningHost running, DemoLattice lattice) {
    Styles st = ctx.styles();
    PrintWriter out = ctx.environment().out();
    out.println(st.good("The Trellis demo is running."));
    out.println(
        "  host       "
            + st.id(running.hostId())
            + " ("
            + running.friendlyName()
            + "), lattice '"
            + LATTICE
            + "'");
    out.println("  NATS       nats://" + running.settings().natsAddress() + " (embedded)");
    out.println(
        "  actor      " + lattice.actor().metadata().name() + "  " + st.id(lattice.actorId()));
    out.println("  providers  " + lattice.providers());
    out.println();
    out.println("Open " + st.bold(lattice.url()) + " — each request counts up:");
    out.println("  curl " + lattice.url());
    out.println(
        st.faint(
            "From another terminal: ./trellis get inventory · ./trellis link query · ./trellis"
                + " call "
                + lattice.actorId()
                + " HttpServer.HandleRequest '{\"path\":\"/\"}'"));
    out.println(st.faint("Ctrl-C stops everything."));
    out.flush();
  }

  private static void stop(RunningHost running, ConfigBackup config) {
    try {
      running.close();
    } finally {
      config.restore();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs
    }
  }

  /** {@code preferred} when it is free on the loopback interface, else any free port. */
  static int freeOr(int preferred) {
    try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
      return preferred;
    } catch (IOException e) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException again) {
        throw new CliException("failed to find a free port: " + again.getMessage(), again);
      }
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException("failed to read " + file + ": " + e.getMessage(), e);
    }
  }
}
