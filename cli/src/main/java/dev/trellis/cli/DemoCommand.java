package dev.trellis.cli;

import dev.trellis.cli.output.CommandResult;
import picocli.CommandLine.Command;

/**
 * {@code trellis demo}: starts a local lattice with sample actors and providers. It needs the host,
 * which is not part of this build yet, so for now it says so and fails.
 */
@Command(
    name = "demo",
    description = "Run the demo: a local lattice with sample actors and providers.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis demo"})
final class DemoCommand implements CliCommand {
  static final String NOT_YET = "the demo arrives with the host; not available yet";

  @Override
  public CommandResult call(CommandContext ctx) {
    throw new CliException(NOT_YET);
  }
}
