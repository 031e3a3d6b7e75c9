package dev.trellis.cli.context;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis ctx default [name]}: sets the default context; without a name, shows it (wash
 * prompts for one instead).
 */
@Command(
    name = "default",
    description = "Set the default context, or show it when no name is given.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis ctx default prod", "  trellis ctx default            # shows the default"})
final class CtxDefaultCommand implements CliCommand {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The context to make default.")
  String name;

  @Mixin ContextDirectoryOption dir;

  @Override
  public CommandResult call(CommandContext ctx) {
    ContextStore store = dir.store(ctx);
    if (name == null) {
      String current = store.defaultName().orElse("N/A");
      return CommandResult.builder(current).put("default", current).build();
    }
    if (name.equals(Context.HOST_CONFIG)) {
      store.refreshHostConfig();
    }
    if (!store.exists(name)) {
      throw new CliException(
          "failed to set the default context: no context named '"
              + name
              + "' in "
              + store.directory()
              + "; 'trellis ctx list' shows them");
    }
    store.setDefault(name);
    return CommandResult.message("Set new context successfully: " + name + " is the default");
  }
}
