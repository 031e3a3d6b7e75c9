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
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.StopProviderCommand;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis stop provider <host-id> <provider-id> <link-name> <contract-id>}: checks the host
 * runs it, sends {@code cmd.{host}.sp} and waits for {@code provider_stopped}. JSON keys: {@code
 * result, provider_id, link_name, contract_id, host_id}.
 */
@Command(
    name = "provider",
    description = "Stop a provider (by public key and link name) on a host.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis stop provider NCE7… VAG3… default wasmcloud:httpserver"})
final class ProviderStopCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "HOST_ID", description = "The host (N…).")
  String hostId;

  @Parameters(index = "1", paramLabel = "PROVIDER_ID", description = "The provider (V…).")
  String providerId;

  @Parameters(index = "2", paramLabel = "LINK_NAME", description = "Its link name.")
  String linkName;

  @Parameters(index = "3", paramLabel = "CONTRACT_ID", description = "Its contract.")
  String contractId;

  @Option(names = "--skip-wait", description = "Return once the host acknowledged.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "stop provider " + providerId + " (link name '" + linkName + "') on " + hostId;
    Ids.host(hostId, action);
    Ids.provider(providerId, action);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      if (Inventories.of(client, hostId).provider(providerId, linkName).isEmpty()) {
        throw new CliException(
            "failed to "
                + action
                + ": it is not running there; 'trellis get inventory "
                + hostId
                + "' shows what runs there");
      }
      try (EventWait events = skipWait ? null : client.subscribeEvents()) {
        client.command(
            Subjects.stopProvider(client.prefix(), client.lattice(), hostId),
            CommandCodec.encode(
                new StopProviderCommand(providerId, linkName, contractId, hostId, Map.of())),
            action,
            "host " + hostId + " did not answer");
        if (events != null) {
          Duration wait = Waits.of(ctx, ctl, conn, Waits.PROVIDER);
          boolean done;
          try (Progress p =
              ctx.output().progress("waiting for provider " + providerId + " to stop")) {
            done =
                events
                    .await(
                        wait,
                        e ->
                            EventWait.is(e, "provider_stopped", hostId)
                                && EventWait.text(e, "public_key").equals(providerId)
                                && EventWait.text(e, "link_name").equals(linkName))
                    .isPresent();
          }
          if (!done) {
            throw Waits.timedOut(
                action, "provider_stopped", wait, "'trellis get inventory " + hostId + "'");
          }
        }
      }
    }
    String message =
        "Stopped provider " + providerId + " (link name '" + linkName + "') on host " + hostId;
    return CommandResult.builder(message)
        .put("result", message)
        .put("provider_id", providerId)
        .put("link_name", linkName)
        .put("contract_id", contractId)
        .put("host_id", hostId)
        .build();
  }
}
