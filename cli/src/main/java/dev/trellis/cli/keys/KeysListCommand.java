package dev.trellis.cli.keys;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trellis keys list}: the {@code *.nk} files of the keys directory, sorted. A directory that
 * does not exist yet has no keys (wash reports an error instead).
 */
@Command(
    name = "list",
    description = "List the key files (*.nk) in the keys directory.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis keys list", "  trellis keys list -d ./keys -o json   # {\"keys\":[…],…}"})
final class KeysListCommand implements CliCommand {

  @Option(
      names = {"-d", "--directory"},
      paramLabel = "DIR",
      description = "Keys directory (default: $WASH_KEYS, else ~/.wash/keys).")
  Path directory;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path dir = ctx.home().keysDirectory(directory);
    List<String> keys = List.of();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        keys =
            files
                .filter(Files::isRegularFile)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(KeyFiles.EXTENSION))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new CliException("failed to list keys in " + dir + ": " + e.getMessage(), e);
      }
    } else if (Files.exists(dir)) {
      throw new CliException("failed to list keys: " + dir + " is not a directory");
    }
    String text =
        keys.isEmpty()
            ? "No keys found in " + dir
            : ctx.styles().bold("====== Keys found in " + dir + " ======")
                + "\n"
                + String.join("\n", keys);
    return CommandResult.builder(text).put("keys", keys).put("directory", dir.toString()).build();
  }
}
