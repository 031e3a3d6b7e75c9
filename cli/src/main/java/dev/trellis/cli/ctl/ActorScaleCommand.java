package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.EventWait;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.Pairs;
import dev.trellis.cli.lattice.Refs;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.ScaleActorCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis scale actor <host-id> <actor-id> <actor-ref> -c N}: {@code cmd.{host}.scale}
 * (controlplane §2.12). The host acknowledges first; unless {@code --skip-wait} this waits for the
 * {@code actors_started} or {@code actors_stopped} that reports the change. JSON keys: {@code
 * result, actor_id, host_id, count}.
 */
@Command(
    name = "actor",
    description = {
      "Scale an actor on a host to -c/--count instances (stopping or starting instances).",
      "ACTOR_REF is where new instances come from when the actor does not run there yet."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  trellis scale actor NCE7… MBCF… ./echo.wasm -c 4"})
final class ActorScaleCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "HOST_ID", description = "The host (N…).")
  String hostId;

  @Parameters(index = "1", paramLabel = "ACTOR_ID", description = "The actor (M…).")
  String actorId;

  @Parameters(index = "2", paramLabel = "ACTOR_REF", description = "Module file or reference.")
  String ref;

  @Option(
      names = {"-c", "--count"},
      paramLabel = "N",
      defaultValue = "1",
      description = "The wanted number of instances (default 1; 0 stops them all).")
  int count;

  @Option(
      names = {"-a", "--annotations"},
      paramLabel = "KEY=VALUE",
      description = "Annotations sent with the request (hosts do not use them when scaling).")
  List<String> annotations;

  @Option(names = "--skip-wait", description = "Return once the host acknowledged.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "scale actor " + actorId + " on host " + hostId + " to " + count;
    Ids.host(hostId, action);
    Ids.actor(actorId, action);
    if (count < 0 || count > 65_535) {
      throw new CliException("failed to " + action + ": -c/--count must be 0–65535");
    }
    Map<String, String> notes = Pairs.parse(annotations, "annotation");
    String sent = Refs.forHost(ctx, ref);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      int running =
          Inventories.of(client, hostId).actor(actorId).map(a -> a.instances().size()).orElse(0);
      try (EventWait events = skipWait || running == count ? null : client.subscribeEvents()) {
        client.command(
            Subjects.scaleActor(client.prefix(), client.lattice(), hostId),
            CommandCodec.encode(new ScaleActorCommand(actorId, sent, count, hostId, notes)),
            action,
            "host " + hostId + " did not answer");
        if (events != null) {
          String type = running > count ? "actors_stopped" : "actors_started";
          Duration wait = Waits.of(ctx, ctl, conn, Waits.ACTOR);
          Optional<?> done;
          try (Progress p =
              ctx.output().progress("waiting for actor " + actorId + " to reach " + count)) {
            done =
                events.await(
                    wait,
                    e ->
                        EventWait.is(e, type, hostId)
                            && EventWait.text(e, "public_key").equals(actorId));
          }
          if (done.isEmpty()) {
            throw Waits.timedOut(action, type, wait, "'trellis get inventory " + hostId + "'");
          }
        }
      }
    }
    String message =
        (skipWait ? "Scale request received: actor " : "Scaled actor ")
            + actorId
            + " to "
            + count
            + (count == 1 ? " instance" : " instances")
            + " on host "
            + hostId;
    return CommandResult.builder(message)
        .put("result", message)
        .put("actor_id", actorId)
        .put("host_id", hostId)
        .put("count", count)
        .build();
  }
}
