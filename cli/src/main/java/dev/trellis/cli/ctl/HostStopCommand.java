package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
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
import dev.trellis.interfaces.control.StopHostCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis stop host <host-id>}: {@code cmd.{host}.stop}; the host stops its actors and
 * providers and publishes {@code host_stopped}, which this command waits for. JSON keys: {@code
 * result, host_id}.
 */
@Command(
    name = "host",
    description = "Stop a host: its actors and providers stop, then the host.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis stop host NCE7…"})
final class HostStopCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "HOST_ID", description = "The host (N…).")
  String hostId;

  @Option(
      names = "--host-timeout",
      paramLabel = "MS",
      description = "How long the host may take to stop gracefully (sent to the host).")
  Long hostTimeoutMs;

  @Option(names = "--skip-wait", description = "Return once the host acknowledged.")
  boolean skipWait;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "stop host " + hostId;
    Ids.host(hostId, action);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn);
        EventWait events = skipWait ? null : client.subscribeEvents()) {
      client.command(
          Subjects.stopHost(client.prefix(), client.lattice(), hostId),
          CommandCodec.encode(new StopHostCommand(hostId, hostTimeoutMs)),
          action,
          "no host "
              + hostId
              + " answered in lattice '"
              + client.lattice()
              + "'; 'trellis get hosts' lists the hosts");
      if (events != null) {
        Duration wait = Waits.of(ctx, ctl, conn, Waits.HOST);
        boolean done;
        try (Progress p = ctx.output().progress("waiting for host " + hostId + " to stop")) {
          done = events.await(wait, e -> EventWait.is(e, "host_stopped", hostId)).isPresent();
        }
        if (!done) {
          throw Waits.timedOut(action, "host_stopped", wait, "'trellis get hosts'");
        }
      }
    }
    String message = (skipWait ? "Stop request received by host " : "Stopped host ") + hostId;
    return CommandResult.builder(message).put("result", message).put("host_id", hostId).build();
  }
}
