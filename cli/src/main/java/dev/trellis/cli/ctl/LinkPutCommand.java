package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.LatticeData;
import dev.trellis.cli.lattice.Pairs;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.keys.NKeys;
import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis link put <actor-id> <provider-id> <contract-id> [KEY=VALUE…]}: writes {@code
 * LINKDEF_{id}} to the lattice's KV bucket (every host watches it and tells the provider), or sends
 * {@code linkdefs.put} when there is no bucket. JSON keys: {@code actor_id, provider_id,
 * contract_id, link_name, result}.
 */
@Command(
    name = "put",
    description = "Link an actor to a provider for a contract, with link values (KEY=VALUE).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis link put MBCF… VAG3… wasmcloud:httpserver ADDRESS=127.0.0.1:8080",
      "  trellis link put MBCF… VAZV… wasmcloud:keyvalue -l cache URL=redis://127.0.0.1:6379"
    })
final class LinkPutCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "ACTOR_ID", description = "The actor (M…).")
  String actorId;

  @Parameters(index = "1", paramLabel = "PROVIDER_ID", description = "The provider (V…).")
  String providerId;

  @Parameters(
      index = "2",
      paramLabel = "CONTRACT_ID",
      description = "The contract, e.g. wasmcloud:keyvalue.")
  String contractId;

  @Parameters(
      index = "3..*",
      paramLabel = "KEY=VALUE",
      description = "Link values handed to the provider.")
  List<String> values;

  @Option(
      names = {"-l", "--link-name"},
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Link name (default: default).")
  String linkName;

  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "put the link";
    Ids.actor(actorId, action);
    Ids.provider(providerId, action);
    checkContract(contractId, action);
    Map<String, String> settings = Pairs.parse(values, "link value");
    LinkDefinition link = new LinkDefinition(actorId, providerId, linkName, contractId, settings);
    CtlConnection conn = ctl.resolve(ctx);
    try (CtlClient client = CtlClient.connect(conn)) {
      LatticeData.open(client).putLink(link);
    }
    String message =
        "Published link ("
            + actorId
            + ") <-> ("
            + providerId
            + ") for "
            + contractId
            + ", link name '"
            + linkName
            + "'";
    return CommandResult.builder(message)
        .put("actor_id", actorId)
        .put("provider_id", providerId)
        .put("contract_id", contractId)
        .put("link_name", linkName)
        .put("result", message)
        .build();
  }

  /**
   * A contract id looks like {@code namespace:name}; a public key there means swapped arguments.
   */
  static void checkContract(String contractId, String action) {
    if (NKeys.isValidPublicKey(contractId)
        || !contractId.contains(":")
        || contractId.startsWith(":")
        || contractId.endsWith(":")
        || contractId.chars().anyMatch(Character::isWhitespace)) {
      throw new CliException(
          "failed to "
              + action
              + ": '"
              + contractId
              + "' is not a contract id; write it as namespace:name, e.g. wasmcloud:keyvalue");
    }
  }
}
