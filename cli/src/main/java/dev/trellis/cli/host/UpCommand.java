package dev.trellis.cli.host;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.cli.output.Styles;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.HostConfigFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trellis up}: runs a host (controlplane §8.3). Starts a nats-server (JetStream on, store in
 * {@code $TRELLIS_HOME/nats}) unless one answers on {@code --nats-host/--nats-port} or {@code
 * --nats-connect-only} is given; connects the control and RPC connections; starts the host; writes
 * {@code host_config.json} (with the cluster seed) so every other command works with no flags. In
 * the foreground by default: Ctrl-C or {@code trellis stop host} stops the host (actors,
 * providers), then the nats-server it started. {@code -d} runs the same in the background with logs
 * and pid files in {@code $TRELLIS_HOME/downloads}; {@code trellis down} stops it.
 *
 * <p>JSON keys of {@code up -d}: wash's {@code wasmcloud_url} (Trellis has no dashboard: the
 * control-interface NATS url), {@code wasmcloud_log}, {@code kill_cmd}, {@code nats_url}; added:
 * {@code host_id, lattice_prefix, host_pid, nats_pid, nats_log, host_config}. In the foreground the
 * result (printed when the host stops) has {@code result, host_id, lattice_prefix}.
 */
@Command(
    name = "up",
    description = {
      "Start a host: a local nats-server (unless one answers), the host, and host_config.json",
      "so that the other commands need no flags. Ctrl-C stops it; -d runs it in the background."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis up",
      "  trellis up -d && trellis get hosts && trellis down",
      "  trellis up -x mylattice --nats-port 4333 -l zone=east",
      "  HOST_ZONE=east WASMCLOUD_CLUSTER_SEED=SC… trellis up --nats-connect-only"
    })
public final class UpCommand implements CliCommand {
  static final String DETACHED_CHILD = "--detached-child";

  @Mixin UpOptions options;

  @Option(
      names = {"-d", "--detached"},
      description = "Run in the background (logs and pid files in $TRELLIS_HOME/downloads).")
  boolean detached;

  @Option(names = DETACHED_CHILD, hidden = true)
  boolean detachedChild;

  @Spec CommandSpec spec;

  @Override
  public CommandResult call(CommandContext ctx) throws InterruptedException {
    HostSettings settings = options.resolve(ctx);
    UpState state = UpState.in(ctx.home());
    if (detached && !detachedChild) {
      return Detach.launch(ctx, state, spec.commandLine().getParseResult().originalArgs());
    }
    LogLevels.apply(settings.logLevel());
    long self = ProcessHandle.current().pid();
    if (detachedChild && state.liveHost().filter(p -> p.pid() != self).isPresent()) {
      throw new CliException(
          "failed to start the host: one started by 'trellis up -d' is already running; stop it"
              + " with 'trellis down'");
    }
    RunningHost running = start(ctx, settings, state);
    Path configFile = ctx.home().hostConfigFile();
    try {
      HostConfigFileCodec.write(configFile, running.configFile());
    } catch (HostConfigFileException e) {
      running.close();
      throw new CliException(e.getMessage(), e);
    }
    if (detachedChild) {
      LocalNats nats = running.nats();
      state.write(self, nats == null ? null : nats.pid(), info(running, configFile, state));
    }
    if (detachedChild) {
      ctx.output().notice("Host " + running.hostId() + " is up; 'trellis down' stops it");
    } else if (!ctx.output().isJson()) {
      printSummary(ctx, running, configFile);
    }
    Thread hook =
        new Thread(
            () -> {
              ctx.output().notice("stopping the host…");
              running.close();
              if (detachedChild) {
                state.clearIfOwner(self);
              }
            },
            "trellis-up-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      running.awaitStopped();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook runs
      }
      running.close();
      if (detachedChild) {
        state.clearIfOwner(self);
      }
    }
    String message = "Host " + running.hostId() + " stopped";
    return CommandResult.builder(message)
        .put("result", message)
        .put("host_id", running.hostId())
        .put("lattice_prefix", settings.latticePrefix())
        .build();
  }

  private static RunningHost start(CommandContext ctx, HostSettings s, UpState state) {
    LocalNats nats = null;
    if (!s.natsConnectOnly() && !LocalNats.answers(s.natsHost(), s.natsPort())) {
      try (Progress p = ctx.output().progress("starting nats-server on " + s.natsAddress())) {
        nats =
            LocalNats.start(
                s.natsHost(), s.natsPort(), ctx.home().root().resolve("nats"), state.natsLog());
      }
    }
    try (Progress p =
        ctx.output().progress("starting the host in lattice '" + s.latticePrefix() + "'")) {
      return RunningHost.start(s, nats, SupervisorConfig.defaults(s.natsAddress()).cacheDir());
    }
  }

  private static Map<String, Object> info(RunningHost running, Path configFile, UpState state) {
    HostSettings s = running.settings();
    LocalNats nats = running.nats();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("host_id", running.hostId());
    info.put("friendly_name", running.friendlyName());
    info.put("lattice_prefix", s.latticePrefix());
    info.put("ctl_url", "nats://" + HostSettings.address(s.ctl()));
    info.put("ctl_topic_prefix", s.ctlTopicPrefix());
    info.put("nats_url", "nats://" + s.natsAddress());
    info.put("nats_started", nats != null);
    info.put("host_pid", ProcessHandle.current().pid());
    info.put("nats_pid", nats == null ? null : nats.pid());
    info.put("host_log", state.hostLog().toString());
    info.put("nats_log", nats == null ? null : nats.logFile().toString());
    info.put("host_config", configFile.toString());
    return info;
  }

  private static void printSummary(CommandContext ctx, RunningHost running, Path configFile) {
    Styles st = ctx.styles();
    HostSettings s = running.settings();
    LocalNats nats = running.nats();
    PrintWriter out = ctx.environment().out();
    out.println(
        st.good("Host ")
            + st.id(running.hostId())
            + " ("
            + running.friendlyName()
            + ") is up in lattice '"
            + s.latticePrefix()
            + "'");
    out.println(
        "  NATS         nats://"
            + s.natsAddress()
            + Optional.ofNullable(nats)
                .map(n -> " (started here, pid " + n.pid() + "; log " + n.logFile() + ")")
                .orElse(" (already running)"));
    out.println("  host config  " + configFile);
    if (s.clusterSeedGenerated()) {
      out.println(
          st.faint(
              "  cluster key  "
                  + s.clusterKey().publicKey()
                  + " (generated; its seed is in host_config.json, which 'trellis call' reads)"));
    }
    out.println(
        "  next         trellis get hosts · trellis start actor <file.wasm> · trellis get"
            + " inventory");
    out.println(
        st.faint(
            "Press Ctrl-C to stop the host, its actors and providers"
                + (nats == null ? "." : ", and the nats-server started here.")));
    out.flush();
  }
}
