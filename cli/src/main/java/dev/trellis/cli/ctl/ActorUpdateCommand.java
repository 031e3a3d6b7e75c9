package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.EventWait;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.Refs;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.UpdateActorCommand;
import dev.trellis.interfaces.event.CloudEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis update actor <host-id> <actor-id> <new-ref>}: live update (controlplane §2.13).
 * The host acknowledges first and reports {@code actor_updated} or {@code actor_update_failed}
 * (with the reason) per instance; this waits for the first. JSON keys: {@code result, actor_id,
 * host_id, actor_ref, revision}.
 */
@Command(
    name = "actor",
    description = "Live-update a running actor to a new module (same actor key, higher revision).",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis update actor NCE7… MBCF… ./echo_v2_s.wasm"})
final class ActorUpdateCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "HOST_ID", description = "The host (N…).")
  String hostId;

  @Parameters(index = "1", paramLabel = "ACTOR_ID", description = "The actor (M…).")
  String actorId;

  @Parameters(index = "2", paramLabel = "NEW_ACTOR_REF", description = "The new module.")
  String ref;

  @Option(names = "--skip-wait", description = "Return once the host acknowledged.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "update actor " + actorId + " on host " + hostId;
    Ids.host(hostId, action);
    Ids.actor(actorId, action);
    String sent = Refs.requireFile(ctx, ref, action);
    CtlConnection conn = ctl.resolve(ctx);
    String revision = "";
    try (CtlClient client = CtlClient.connect(conn)) {
      Inventories.of(client, hostId).requireActor(actorId, action);
      try (EventWait events = skipWait ? null : client.subscribeEvents()) {
        client.command(
            Subjects.updateActor(client.prefix(), client.lattice(), hostId),
            CommandCodec.encode(new UpdateActorCommand(actorId, hostId, sent, Map.of())),
            action,
            "host " + hostId + " did not answer");
        if (events != null) {
          Duration wait = Waits.of(ctx, ctl, conn, Waits.ACTOR);
          Optional<CloudEvent> event;
          try (Progress p = ctx.output().progress("waiting for actor " + actorId + " to update")) {
            event =
                events.await(
                    wait,
                    e ->
                        (EventWait.is(e, "actor_updated", hostId)
                                || EventWait.is(e, "actor_update_failed", hostId))
                            && EventWait.text(e, "public_key").equals(actorId));
          }
          CloudEvent e =
              event.orElseThrow(
                  () ->
                      Waits.timedOut(
                          action, "actor_updated", wait, "'trellis get inventory " + hostId + "'"));
          if (e.eventType().equals("actor_update_failed")) {
            throw new CliException(
                "failed to "
                    + action
                    + ": Unable to perform live update: "
                    + EventWait.text(e, "reason"));
          }
          revision = EventWait.text(e, "revision");
        }
      }
    }
    String message =
        skipWait
            ? "Update request received: actor " + actorId + " on host " + hostId
            : "Updated actor " + actorId + " on host " + hostId + " to revision " + revision;
    return CommandResult.builder(message)
        .put("result", message)
        .put("actor_id", actorId)
        .put("host_id", hostId)
        .put("actor_ref", sent)
        .put("revision", revision)
        .build();
  }
}
