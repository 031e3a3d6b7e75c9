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
import dev.trellis.interfaces.control.StartActorCommand;
import dev.trellis.interfaces.event.CloudEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis start actor <ref>}: picks a host by auction unless {@code --host-id} is given,
 * sends {@code cmd.{host}.la}, and — subscribed to the events before sending — waits for {@code
 * actor_started} with exactly the reference sent (or {@code actors_started}), or {@code
 * actor_start_failed} for it. A local file is sent as an absolute path. JSON keys: {@code result,
 * actor_ref, actor_id, host_id, count}.
 */
@Command(
    name = "actor",
    description = {
      "Start an actor from a signed module: a file path or file:// URL (the host reads it).",
      "Without --host-id a host is picked by auction; then waits for the start event."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis start actor actors/wasm-corpus/echo-rust.wasm",
      "  trellis start actor ./kvcounter.wasm --count 4 -c zone=east",
      "  trellis start actor ./echo.wasm --host-id NCE7… --skip-wait -o json"
    })
final class ActorStartCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "ACTOR_REF", description = "Module file or reference.")
  String ref;

  @Option(names = "--host-id", paramLabel = "HOST_ID", description = "Start on this host (N…).")
  String hostId;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1",
      description = "How many instances (default 1).")
  int count;

  @Mixin AuctionOptions auction;

  @Option(names = "--skip-wait", description = "Return once the host accepted the request.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    if (count < 1 || count > 65_535) {
      throw new CliException("failed to start actor " + ref + ": --count must be 1–65535");
    }
    Map<String, String> labels = auction.labels();
    String sent = Refs.forHost(ctx, ref);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      String host =
          hostId != null
              ? Ids.host(hostId, "start actor " + sent)
              : Auctions.actor(ctx, client, sent, labels, auction.window());
      String action = "start actor " + sent + " on host " + host;
      try (EventWait events = skipWait ? null : client.subscribeEvents()) {
        client.command(
            Subjects.launchActor(client.prefix(), client.lattice(), host),
            CommandCodec.encode(new StartActorCommand(sent, count, host, Map.of())),
            action,
            "host " + host + " did not answer; 'trellis get hosts' lists the hosts");
        if (events == null) {
          String message = "Start actor request received by host " + host;
          return CommandResult.builder(message)
              .put("result", message)
              .put("actor_ref", sent)
              .put("host_id", host)
              .build();
        }
        Duration wait = Waits.of(ctx, ctl, conn, Waits.ACTOR);
        CloudEvent event = await(ctx, events, sent, host, wait, action);
        return started(event, sent, host);
      }
    }
  }

  private CloudEvent await(
      CommandContext ctx,
      EventWait events,
      String sent,
      String host,
      Duration wait,
      String action) {
    AtomicInteger instances = new AtomicInteger();
    Optional<CloudEvent> event;
    try (Progress p =
        ctx.output()
            .progress(
                "waiting for actor "
                    + sent
                    + " to start on host "
                    + Ids.brief(host)
                    + " (up to "
                    + Waits.seconds(wait)
                    + ")")) {
      event =
          events.await(
              wait,
              e -> {
                if (EventWait.is(e, "actor_start_failed", host)) {
                  return EventWait.text(e, "actor_ref").equals(sent);
                }
                if (EventWait.is(e, "actors_start_failed", host)
                    || EventWait.is(e, "actors_started", host)) {
                  return EventWait.text(e, "image_ref").equals(sent);
                }
                return EventWait.is(e, "actor_started", host)
                    && EventWait.text(e, "image_ref").equals(sent)
                    && instances.incrementAndGet() >= count;
              });
    }
    CloudEvent e =
        event.orElseThrow(
            () ->
                Waits.timedOut(
                    action, "actor_started", wait, "'trellis get inventory " + host + "'"));
    if (e.eventType().endsWith("_failed")) {
      throw new CliException("failed to " + action + ": " + EventWait.text(e, "error"));
    }
    return e;
  }

  private CommandResult started(CloudEvent event, String sent, String host) {
    String actorId = EventWait.text(event, "public_key");
    String name = event.data().path("claims").path("name").asText("");
    String message =
        "Actor "
            + actorId
            + (name.isEmpty() ? "" : " (" + name + ")")
            + " started on host "
            + host
            + (count > 1 ? " (" + count + " instances)" : "");
    return CommandResult.builder(message)
        .put("result", message)
        .put("actor_ref", sent)
        .put("actor_id", actorId)
        .put("host_id", host)
        .put("count", count)
        .build();
  }
}
