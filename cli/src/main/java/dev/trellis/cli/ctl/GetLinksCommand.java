package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.output.CommandResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trellis get links}: the same as {@code trellis link query} (wash 0.18 has both). */
@Command(
    name = "links",
    description = "List the links of the lattice (same as 'trellis link query').",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis get links", "  trellis get links -o json"})
final class GetLinksCommand implements CliCommand {
  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    return LinkQueryCommand.query(ctx, ctl);
  }
}
