package dev.trellis.cli.par;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trellis par inspect <par>}: the claims and targets of a provider archive, checked. */
@Command(
    name = "inspect",
    description = {
      "Show a provider archive's claims and targets.",
      "Fails when the signature or a target's hash does not verify."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis par inspect kv.par.gz",
      "  trellis par inspect kv.par -o json | jq .targets"
    })
final class ParInspectCommand implements CliCommand {

  @Parameters(index = "0", paramLabel = "PAR", description = "A .par or .par.gz file.")
  Path archive;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path file = ctx.resolve(archive);
    return ArchiveInspection.inspect(
        ctx, file, ctx.readFile(file, "inspect provider archive"), false);
  }
}
