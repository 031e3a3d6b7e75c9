package dev.trellis.cli.context;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trellis ctx del <name>}: deletes a context; if it was the default, none is set. */
@Command(
    name = "del",
    description = "Delete a stored context.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis ctx del staging"})
final class CtxDelCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The context to delete.")
  String name;

  @Mixin ContextDirectoryOption dir;

  @Override
  public CommandResult call(CommandContext ctx) {
    ContextStore store = dir.store(ctx);
    if (!store.delete(name)) {
      throw new CliException(
          "failed to delete context '"
              + name
              + "': it does not exist in "
              + store.directory()
              + "; 'trellis ctx list' shows the contexts");
    }
    if (store.defaultName().filter(name::equals).isPresent()) {
      store.clearDefault();
      ctx.output().notice("'" + name + "' was the default context; no default is set now");
    }
    return CommandResult.message("Removed context " + name);
  }
}
