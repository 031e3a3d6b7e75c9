package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.LatticeData;
import dev.trellis.cli.output.CommandResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis link del <actor-id> <contract-id>}: deletes {@code LINKDEF_{id}} from the KV
 * bucket (hosts then tell the provider), or sends {@code linkdefs.del}. Deleting a link that does
 * not exist succeeds and says so, as the host does. JSON keys: {@code actor_id, contract_id,
 * link_name, deleted, result}.
 */
@Command(
    name = "del",
    description = "Delete the link of an actor for a contract and link name.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis link del MBCF… wasmcloud:httpserver",
      "  trellis link del MBCF… wasmcloud:keyvalue -l cache"
    })
final class LinkDelCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "ACTOR_ID", description = "The actor (M…).")
  String actorId;

  @Parameters(index = "1", paramLabel = "CONTRACT_ID", description = "The contract.")
  String contractId;

  @Option(
      names = {"-l", "--link-name"},
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Link name (default: default).")
  String linkName;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "delete the link";
    Ids.actor(actorId, action);
    LinkPutCommand.checkContract(contractId, action);
    CtlConnection conn = ctl.resolve(ctx);
    boolean deleted;
    try (CtlClient client = CtlClient.connect(conn)) {
      deleted = LatticeData.open(client).deleteLink(actorId, contractId, linkName);
    }
    String link = LatticeData.describe(actorId, contractId, linkName);
    String message = deleted ? "Deleted link " + link : "No link " + link + "; nothing to delete";
    return CommandResult.builder(message)
        .put("actor_id", actorId)
        .put("contract_id", contractId)
        .put("link_name", linkName)
        .put("deleted", deleted)
        .put("result", message)
        .build();
  }
}
