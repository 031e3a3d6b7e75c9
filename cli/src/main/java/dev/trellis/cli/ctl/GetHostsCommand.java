package dev.trellis.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.output.Columns;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trellis get hosts}: {@code ping.hosts} scatter/gather for {@code -t} ms (controlplane
 * §1.1); every host answers with its {@code Host} JSON. JSON key {@code hosts}: the replies as
 * sent.
 */
@Command(
    name = "hosts",
    description = {
      "List the hosts of the lattice: ping.hosts, collecting replies for -t ms (default 2000)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  trellis get hosts", "  trellis get hosts -x mylattice -t 500 -o json"})
final class GetHostsCommand implements CliCommand {
  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    CtlConnection conn = ctl.resolve(ctx);
    List<JsonNode> hosts;
    try (CtlClient client = CtlClient.connect(conn);
        Progress p =
            ctx.output()
                .progress(
                    "asking the hosts of lattice '"
                        + conn.latticePrefix()
                        + "' ("
                        + Waits.seconds(conn.timeout())
                        + ")")) {
      hosts = new ArrayList<>(client.pingHosts(conn.timeout()));
    }
    hosts.sort(
        Comparator.comparing((JsonNode h) -> Texts.text(h, "friendly_name"))
            .thenComparing(h -> Texts.text(h, "id")));
    Columns table = Columns.with(ctx.styles(), "Host ID", "Name", "Uptime", "Labels");
    for (JsonNode host : hosts) {
      table.row(
          ctx.styles().id(Texts.text(host, "id")),
          Texts.text(host, "friendly_name"),
          uptime(host),
          Texts.pairs(Texts.map(host, "labels")));
    }
    String text =
        table.render(
            "No hosts in lattice '"
                + conn.latticePrefix()
                + "' at "
                + conn.address()
                + "; start one with 'trellis up'");
    return CommandResult.builder(text).put("hosts", hosts).build();
  }

  private static String uptime(JsonNode host) {
    JsonNode seconds = host.get("uptime_seconds");
    return seconds != null && seconds.canConvertToLong()
        ? Texts.duration(seconds.asLong())
        : Texts.text(host, "uptime_human");
  }
}
