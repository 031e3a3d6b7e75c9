package dev.trellis.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.cli.output.Styles;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code trellis up -d}: runs {@code trellis up} again as a child JVM in its own session (so a
 * Ctrl-C or a closed terminal does not reach it), output appended to {@code trellis-host.log}, and
 * waits until the child has recorded its pid files; then prints where everything is.
 */
final class Detach {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Set<String> DETACH_FLAGS = Set.of("-d", "--detached", "--detached=true");
  private static final List<Path> SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  private Detach() {}

  static CommandResult launch(CommandContext ctx, UpState state, List<String> originalArgs)
      throws InterruptedException {
    if (state.liveHost().isPresent()) {
      throw new CliException(
          "failed to start the host: one started by 'trellis up -d' is already running (pid "
              + state.liveHost().get().pid()
              + "); stop it with 'trellis down'");
    }
    state.clear();
    Path log = state.hostLog();
    Process child = spawn(ctx, originalArgs, log);
    try (Progress p = ctx.output().progress("starting the host in the background")) {
      awaitReady(state, child, log);
    }
    return result(ctx, state, log);
  }

  private static Process spawn(CommandContext ctx, List<String> originalArgs, Path log) {
    List<String> command = new ArrayList<>();
    SETSID.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .ifPresent(p -> command.add(p.toString()));
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.trellis.cli.Trellis");
    originalArgs.stream().filter(a -> !DETACH_FLAGS.contains(a)).forEach(command::add);
    command.add(UpCommand.DETACHED_CHILD);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "=== trellis up -d, " + Instant.now() + " ===\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(ctx.environment().workingDirectory().toFile())
              .redirectInput(Redirect.from(new File("/dev/null")))
              .redirectOutput(Redirect.appendTo(log.toFile()))
              .redirectErrorStream(true);
      builder.environment().putAll(ctx.environment().variables());
      builder.environment().put("NO_COLOR", "1");
      return builder.start();
    } catch (IOException e) {
      throw new CliException("failed to start the host in the background: " + e.getMessage(), e);
    }
  }

  private static void awaitReady(UpState state, Process child, Path log)
      throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (state.liveHost().isPresent() && state.info().isPresent()) {
        return;
      }
      if (!child.isAlive() && state.liveHost().isEmpty()) {
        throw new CliException(
            "failed to start the host in the background: it exited with code "
                + child.exitValue()
                + "; the end of "
                + log
                + ":\n"
                + UpState.tail(log, 15));
      }
      Thread.sleep(100);
    }
    child.descendants().forEach(ProcessHandle::destroy);
    child.destroy();
    throw new CliException(
        "failed to start the host in the background: not up after "
            + READY_TIMEOUT.toSeconds()
            + " s; it was stopped; see "
            + log);
  }

  private static CommandResult result(CommandContext ctx, UpState state, Path log) {
    JsonNode info = state.info().orElseThrow();
    Styles st = ctx.styles();
    String hostId = info.path("host_id").asText();
    long hostPid = info.path("host_pid").asLong();
    boolean natsStarted = info.path("nats_started").asBoolean();
    String natsUrl = info.path("nats_url").asText();
    String text =
        st.good("Host ")
            + st.id(hostId)
            + " ("
            + info.path("friendly_name").asText()
            + ") is running in the background (pid "
            + hostPid
            + ") in lattice '"
            + info.path("lattice_prefix").asText()
            + "'\n  NATS         "
            + natsUrl
            + (natsStarted
                ? " (started, pid " + info.path("nats_pid").asLong() + ")"
                : " (already running)")
            + "\n  logs         "
            + log
            + (natsStarted ? ", " + info.path("nats_log").asText() : "")
            + "\n  host config  "
            + info.path("host_config").asText()
            + "\nStop it with: trellis down";
    return CommandResult.builder(text)
        .put("wasmcloud_url", info.path("ctl_url").asText())
        .put("wasmcloud_log", log.toString())
        .put("kill_cmd", "trellis down")
        .put("nats_url", natsUrl)
        .put("host_id", hostId)
        .put("lattice_prefix", info.path("lattice_prefix").asText())
        .put("host_pid", hostPid)
        .put("nats_pid", natsStarted ? info.path("nats_pid").asLong() : null)
        .put("nats_log", natsStarted ? info.path("nats_log").asText() : null)
        .put("host_config", info.path("host_config").asText())
        .build();
  }
}
