package dev.trellis.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.Context;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.TrellisException;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.HostConfigFile;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.HostConfigFileException;
import dev.trellis.interfaces.control.StopHostCommand;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;

/**
 * {@code trellis down}: stops exactly what {@code trellis up -d} started. First the host: a {@code
 * cmd.{host}.stop} request (it stops its actors and providers, publishes {@code host_stopped},
 * stops the nats-server it started and exits), else SIGTERM, else SIGKILL; then the nats-server by
 * its pid file if it still runs; then the pid files go. JSON keys: {@code result, host_id,
 * host_pid, nats_pid}.
 */
@Command(
    name = "down",
    description = "Stop the host (and the nats-server) that 'trellis up -d' started.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis down", "  trellis down -o json"})
public final class DownCommand implements CliCommand {
  private static final Duration GRACEFUL = Duration.ofSeconds(30);
  private static final Duration TERM = Duration.ofSeconds(10);

  @Override
  public CommandResult call(CommandContext ctx) {
    UpState state = UpState.in(ctx.home());
    Optional<ProcessHandle> host = state.liveHost();
    Optional<ProcessHandle> nats = state.liveNats();
    JsonNode info = state.info().orElse(null);
    if (host.isEmpty() && nats.isEmpty()) {
      state.clear();
      String message = "Nothing to stop: no host started by 'trellis up -d' is running";
      return CommandResult.builder(message)
          .put("result", message)
          .put("host_id", null)
          .put("host_pid", null)
          .put("nats_pid", null)
          .build();
    }
    String hostId = info == null ? "" : info.path("host_id").asText("");
    try (Progress p = ctx.output().progress("stopping host " + hostId)) {
      host.ifPresent(h -> stopHost(ctx, h, info));
    }
    try (Progress p = ctx.output().progress("stopping nats-server")) {
      nats.filter(ProcessHandle::isAlive).ifPresent(n -> end(n, TERM));
    }
    state.clear();
    String message =
        "Stopped"
            + host.map(h -> " host " + hostId + " (pid " + h.pid() + ")").orElse("")
            + (host.isPresent() && nats.isPresent() ? " and" : "")
            + nats.map(n -> " nats-server (pid " + n.pid() + ")").orElse("");
    return CommandResult.builder(message)
        .put("result", message)
        .put("host_id", hostId.isEmpty() ? null : hostId)
        .put("host_pid", host.map(ProcessHandle::pid).orElse(null))
        .put("nats_pid", nats.map(ProcessHandle::pid).orElse(null))
        .build();
  }

  private static void stopHost(CommandContext ctx, ProcessHandle host, JsonNode info) {
    if (info != null && requestStop(ctx, info) && exited(host, GRACEFUL)) {
      return;
    }
    end(host, TERM);
  }

  /** Sends {@code cmd.{host}.stop}; false when it could not be delivered or was refused. */
  private static boolean requestStop(CommandContext ctx, JsonNode info) {
    String hostId = info.path("host_id").asText("");
    String lattice = info.path("lattice_prefix").asText(Subjects.DEFAULT_LATTICE);
    URI ctl = URI.create(info.path("ctl_url").asText("nats://127.0.0.1:4222"));
    String jwt = null;
    Secret seed = Secret.empty();
    try {
      if (Files.isRegularFile(ctx.home().hostConfigFile())) {
        HostConfigFile file = HostConfigFileCodec.read(ctx.home().hostConfigFile());
        if (file.latticePrefix().equals(lattice) && file.ctl().port() == ctl.getPort()) {
          jwt = file.ctl().jwt();
          seed = file.ctl().seed();
        }
      }
    } catch (HostConfigFileException | DecodeException e) {
      // anonymous, then
    }
    CtlConnection conn =
        new CtlConnection(
            ctl.getHost(),
            ctl.getPort(),
            jwt,
            seed,
            null,
            lattice,
            Duration.ofSeconds(5),
            info.path("ctl_topic_prefix").asText(Subjects.DEFAULT_CTL_PREFIX),
            null,
            Context.defaults("down"));
    try (CtlClient client = CtlClient.connect(conn)) {
      client.command(
          Subjects.stopHost(client.prefix(), lattice, hostId),
          CommandCodec.encode(new StopHostCommand(hostId, GRACEFUL.toMillis())),
          "stop host " + hostId,
          "it did not answer");
      return true;
    } catch (TrellisException e) {
      return false;
    }
  }

  /** SIGTERM, wait, SIGKILL, wait. */
  private static void end(ProcessHandle process, Duration grace) {
    process.destroy();
    if (!exited(process, grace)) {
      process.destroyForcibly();
      exited(process, Duration.ofSeconds(5));
    }
  }

  private static boolean exited(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
