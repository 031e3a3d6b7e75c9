package dev.trellis.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.output.Columns;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.cli.output.Styles;
import dev.trellis.interfaces.control.ActorDescription;
import dev.trellis.interfaces.control.HostInventory;
import dev.trellis.interfaces.control.ProviderDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis get inventory [host-id]}: {@code get.{host}.inv} (controlplane §2.4). Without a
 * host id every host is asked (found by {@code ping.hosts}), as later wash versions do. JSON: with
 * a host id, key {@code inventory} (the reply as sent); without, key {@code inventories} (a list).
 */
@Command(
    name = "inventory",
    description = "Show the actors and providers running on a host, or on every host.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis get inventory",
      "  trellis get inventory NCE7YHGI42RWEKBRDJZWXBEJJCFNE5QMRO7E4DUVXQ3WSGT7UC3ZTQKS -o json"
    })
final class GetInventoryCommand implements CliCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "HOST_ID",
      description = "The host (N…); default: every host of the lattice.")
  String hostId;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    CtlConnection conn = ctl.resolve(ctx);
    if (hostId != null) {
      Ids.host(hostId, "get the inventory");
    }
    List<Inventories> inventories = new ArrayList<>();
    try (CtlClient client = CtlClient.connect(conn)) {
      if (hostId != null) {
        inventories.add(Inventories.of(client, hostId));
      } else {
        List<JsonNode> hosts;
        try (Progress p =
            ctx.output().progress("asking the hosts of lattice '" + conn.latticePrefix() + "'")) {
          hosts = client.pingHosts(conn.timeout());
        }
        if (hosts.isEmpty()) {
          throw new CliException(
              "failed to get the inventory: no host answered; " + client.noHostsHint());
        }
        for (JsonNode host : hosts) {
          inventories.add(Inventories.of(client, Texts.text(host, "id")));
        }
      }
    }
    inventories.sort(
        Comparator.comparing((Inventories i) -> i.inventory().friendlyName())
            .thenComparing(i -> i.inventory().hostId()));
    String text =
        inventories.stream()
            .map(i -> render(ctx.styles(), i.inventory()))
            .collect(Collectors.joining("\n\n"));
    CommandResult.Builder result = CommandResult.builder(text);
    if (hostId != null) {
      result.put("inventory", inventories.get(0).json());
    } else {
      result.put("inventories", inventories.stream().map(Inventories::json).toList());
    }
    return result.build();
  }

  static String render(Styles styles, HostInventory inv) {
    StringBuilder out = new StringBuilder();
    out.append(styles.bold("Host " + inv.hostId()));
    if (!inv.friendlyName().isEmpty()) {
      out.append("  ").append(inv.friendlyName());
    }
    out.append("\n  Labels: ").append(Texts.pairs(inv.labels())).append("\n\n");
    Columns actors = Columns.with(styles, "Actor ID", "Name", "Instances", "Image ref");
    for (ActorDescription a : inv.actors()) {
      actors.row(styles.id(a.id()), a.name(), Integer.toString(a.instances().size()), a.imageRef());
    }
    out.append(actors.render("No actors running on this host")).append("\n\n");
    Columns providers =
        Columns.with(styles, "Provider ID", "Name", "Link name", "Contract ID", "Image ref");
    for (ProviderDescription p : inv.providers()) {
      providers.row(styles.id(p.id()), p.name(), p.linkName(), p.contractId(), p.imageRef());
    }
    out.append(providers.render("No providers running on this host"));
    return out.toString();
  }
}
