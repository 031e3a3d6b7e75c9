package dev.trellis.cli.keys;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.keys.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis keys get <name>}: the seed in {@code <dir>/<name>} or {@code <dir>/<name>.nk}. As
 * in wash, text output is the seed alone, so {@code $(trellis keys get me_account)} works; JSON
 * adds the public key.
 */
@Command(
    name = "get",
    description = "Print the seed stored in a key file of the keys directory.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis keys get me_account           # reads me_account.nk",
      "  trellis keys get echo_module.nk -o json",
      "  trellis keys get ci_account -d ./keys"
    })
final class KeysGetCommand implements CliCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "Key file name, with or without .nk.")
  String name;

  @Option(
      names = {"-d", "--directory"},
      paramLabel = "DIR",
      description = "Keys directory (default: $WASH_KEYS, else ~/.wash/keys).")
  Path directory;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path dir = ctx.home().keysDirectory(directory);
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file) && !name.endsWith(KeyFiles.EXTENSION)) {
      file = dir.resolve(name + KeyFiles.EXTENSION);
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(
          "failed to read key '"
              + name
              + "': "
              + file
              + " does not exist; 'trellis keys list -d "
              + dir
              + "' shows the keys there");
    }
    KeyPair key = KeyFiles.read(file);
    String seed = key.seed().reveal();
    return CommandResult.builder(seed).put("seed", seed).put("public_key", key.publicKey()).build();
  }
}
