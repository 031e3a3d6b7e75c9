package dev.trellis.cli;

import dev.trellis.cli.output.CommandResult;

/**
 * A command that does something (a leaf of the command tree, as opposed to a group such as {@code
 * keys}). The runner parses the options into the command's fields, then calls {@link #call} and
 * prints what it returns through {@link dev.trellis.cli.output.Output}; anything thrown is printed
 * as an error and the exit code is 1. A command prints nothing itself except progress and notices
 * through {@link CommandContext#output()}.
 *
 * <p>To add a command: a class with picocli's {@code @Command(name = …, description = …, footer =
 * examples)} implementing this interface, listed in its parent's {@code subcommands}.
 */
public interface CliCommand {
  /**
   * Runs the command.
   *
   * @return what to print on success
   * @throws Exception any failure; {@link CliException} and the interfaces' exceptions carry
   *     messages written for the user
   */
  CommandResult call(CommandContext ctx) throws Exception;
}
