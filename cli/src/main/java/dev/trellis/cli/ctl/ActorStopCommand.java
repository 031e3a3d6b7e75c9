package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.EventWait;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ActorDescription;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.StopActorCommand;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis stop actor <host-id> <actor-id>}: checks that the actor runs on that host (its
 * inventory), sends {@code cmd.{host}.sa} and waits for the {@code actor_stopped} events (or {@code
 * actors_stopped}). JSON keys: {@code result, actor_id, host_id, count}.
 */
@Command(
    name = "actor",
    description = "Stop instances of an actor on a host.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis stop actor NCE7… MBCF…", "  trellis stop actor NCE7… MBCF… --count 3"})
final class ActorStopCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "HOST_ID", description = "The host (N…).")
  String hostId;

  @Parameters(index = "1", paramLabel = "ACTOR_ID", description = "The actor (M…).")
  String actorId;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1",
      description = "How many instances to stop (default 1; 0 = all).")
  int count;

  @Option(names = "--skip-wait", description = "Return once the host acknowledged.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "stop actor " + actorId + " on host " + hostId;
    Ids.host(hostId, action);
    Ids.actor(actorId, action);
    if (count < 0 || count > 65_535) {
      throw new CliException("failed to " + action + ": --count must be 0–65535");
    }
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      ActorDescription actor = Inventories.of(client, hostId).requireActor(actorId, action);
      int running = actor.instances().size();
      int expected = count == 0 ? running : Math.min(count, running);
      try (EventWait events = skipWait ? null : client.subscribeEvents()) {
        client.command(
            Subjects.stopActor(client.prefix(), client.lattice(), hostId),
            CommandCodec.encode(new StopActorCommand(actorId, count, hostId, Map.of())),
            action,
            "host " + hostId + " did not answer");
        if (events != null) {
          Duration wait = Waits.of(ctx, ctl, conn, Waits.ACTOR);
          AtomicInteger stopped = new AtomicInteger();
          boolean done;
          try (Progress p = ctx.output().progress("waiting for actor " + actorId + " to stop")) {
            done =
                events
                    .await(
                        wait,
                        e ->
                            EventWait.text(e, "public_key").equals(actorId)
                                && (EventWait.is(e, "actors_stopped", hostId)
                                    || (EventWait.is(e, "actor_stopped", hostId)
                                        && stopped.incrementAndGet() >= expected)))
                    .isPresent();
          }
          if (!done) {
            throw Waits.timedOut(
                action, "actor_stopped", wait, "'trellis get inventory " + hostId + "'");
          }
        }
      }
      String message =
          "Stopped "
              + expected
              + (expected == 1 ? " instance" : " instances")
              + " of actor "
              + actorId
              + " on host "
              + hostId;
      return CommandResult.builder(message)
          .put("result", message)
          .put("actor_id", actorId)
          .put("host_id", hostId)
          .put("count", expected)
          .build();
    }
  }
}
