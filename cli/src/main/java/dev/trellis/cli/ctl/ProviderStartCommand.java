package dev.trellis.cli.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.trellis.interfaces.control.StartProviderCommand;
import dev.trellis.interfaces.event.CloudEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis start provider <ref>}: auction (unless {@code --host-id}), {@code cmd.{host}.lp},
 * then waits up to 60 s for {@code provider_started} with exactly the reference sent and the link
 * name, or {@code provider_start_failed}; then until the provider answers a health check (it is
 * reported started when spawned, and serves once connected), so that the next command can use it.
 * JSON keys: {@code result, provider_ref, provider_id, link_name, contract_id, host_id, answering}.
 */
@Command(
    name = "provider",
    description = {
      "Start a capability provider from a provider archive (.par.gz): a file path or file:// URL.",
      "Without --host-id a host is picked by auction; then waits for the start event (60 s)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis start provider providers/test-provider/target/test-provider.par.gz",
      "  trellis start provider ./kv.par.gz -l cache --config-json ./kv-config.json"
    })
final class ProviderStartCommand implements CliCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "PROVIDER_REF", description = "Archive file or reference.")
  String ref;

  @Option(names = "--host-id", paramLabel = "HOST_ID", description = "Start on this host (N…).")
  String hostId;

  @Option(
      names = {"-l", "--link-name"},
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Link name the provider serves (default: default).")
  String linkName;

  @Mixin AuctionOptions auction;

  @Option(
      names = "--config-json",
      paramLabel = "FILE",
      description = "JSON file handed to the provider as its configuration (config_json).")
  Path configJson;

  @Option(names = "--skip-wait", description = "Return once the host accepted the request.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    Map<String, String> labels = auction.labels();
    String configuration = configuration(ctx);
    String sent = Refs.forHost(ctx, ref);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      String host =
          hostId != null
              ? Ids.host(hostId, "start provider " + sent)
              : Auctions.provider(ctx, client, sent, linkName, labels, auction.window());
      String action = "start provider " + sent + " on host " + host;
      try (EventWait events = skipWait ? null : client.subscribeEvents()) {
        client.command(
            Subjects.launchProvider(client.prefix(), client.lattice(), host),
            CommandCodec.encode(
                new StartProviderCommand(sent, linkName, host, Map.of(), configuration)),
            action,
            "host " + host + " did not answer; 'trellis get hosts' lists the hosts");
        if (events == null) {
          String message = "Start provider request received by host " + host;
          return CommandResult.builder(message)
              .put("result", message)
              .put("provider_ref", sent)
              .put("link_name", linkName)
              .put("host_id", host)
              .build();
        }
        Duration wait = Waits.of(ctx, ctl, conn, Waits.PROVIDER);
        CloudEvent event = await(ctx, events, sent, host, wait, action);
        String providerId = EventWait.text(event, "public_key");
        boolean answering;
        try (Progress p =
            ctx.output().progress("waiting for provider " + providerId + " to answer")) {
          answering = client.awaitProvider(providerId, linkName, Waits.PROVIDER_READY);
        }
        if (!answering) {
          ctx.output()
              .warn(
                  "provider "
                      + providerId
                      + " started but did not answer a health check within "
                      + Waits.seconds(Waits.PROVIDER_READY)
                      + "; the host's log has its output");
        }
        return started(event, sent, host, answering);
      }
    }
  }

  private String configuration(CommandContext ctx) {
    if (configJson == null) {
      return "";
    }
    String text =
        new String(
            ctx.readFile(configJson, "read the provider configuration"), StandardCharsets.UTF_8);
    try {
      JSON.readTree(text);
    } catch (IOException e) {
      throw new CliException(
          "failed to read the provider configuration "
              + ctx.display(configJson)
              + ": not valid JSON: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
    return text;
  }

  private CloudEvent await(
      CommandContext ctx,
      EventWait events,
      String sent,
      String host,
      Duration wait,
      String action) {
    Optional<CloudEvent> event;
    try (Progress p =
        ctx.output()
            .progress(
                "waiting for provider "
                    + sent
                    + " to start on host "
                    + Ids.brief(host)
                    + " (up to "
                    + Waits.seconds(wait)
                    + ")")) {
      event =
          events.await(
              wait,
              e ->
                  (EventWait.is(e, "provider_started", host)
                          && EventWait.text(e, "image_ref").equals(sent)
                          && EventWait.text(e, "link_name").equals(linkName))
                      || (EventWait.is(e, "provider_start_failed", host)
                          && EventWait.text(e, "provider_ref").equals(sent)
                          && EventWait.text(e, "link_name").equals(linkName)));
    }
    CloudEvent e =
        event.orElseThrow(
            () ->
                Waits.timedOut(
                    action, "provider_started", wait, "'trellis get inventory " + host + "'"));
    if (e.eventType().equals("provider_start_failed")) {
      throw new CliException("failed to " + action + ": " + EventWait.text(e, "error"));
    }
    return e;
  }

  private CommandResult started(CloudEvent event, String sent, String host, boolean answering) {
    String providerId = EventWait.text(event, "public_key");
    String contract = EventWait.text(event, "contract_id");
    String name = event.data().path("claims").path("name").asText("");
    String message =
        "Provider "
            + providerId
            + (name.isEmpty() ? "" : " (" + name + ")")
            + " started on host "
            + host
            + ": "
            + contract
            + ", link name '"
            + linkName
            + "'";
    return CommandResult.builder(message)
        .put("result", message)
        .put("provider_ref", sent)
        .put("provider_id", providerId)
        .put("link_name", linkName)
        .put("contract_id", contract)
        .put("host_id", host)
        .put("answering", answering)
        .build();
  }
}
