package dev.trellis.cli.keys;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trellis keys gen <type>}: a new key pair, printed (not saved), as wash does. */
@Command(
    name = "gen",
    description = "Generate a key pair and print its public key and seed (nothing is saved).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis keys gen account",
      "  trellis keys gen cluster -o json      # {\"public_key\":\"C…\",\"seed\":\"SC…\",…}",
      "  trellis keys gen module -o json > module.json"
    })
final class KeysGenCommand implements CliCommand {

  @Parameters(
      index = "0",
      paramLabel = "TYPE",
      completionCandidates = KeyTypeNames.Candidates.class,
      description =
          "account, user, module (actor), service (provider), server (host), operator or cluster.")
  String type;

  @Override
  public CommandResult call(CommandContext ctx) {
    KeyType keyType = KeyTypeNames.parse(type);
    KeyPair key = KeyPair.generate(keyType);
    String seed = key.seed().reveal();
    String text =
        ctx.styles().bold("Public Key: ")
            + key.publicKey()
            + "\n"
            + ctx.styles().bold("Seed: ")
            + seed
            + "\n\n"
            + ctx.styles().faint("Remember that the seed is private, treat it as a secret.");
    return CommandResult.builder(text).put("public_key", key.publicKey()).put("seed", seed).build();
  }
}
