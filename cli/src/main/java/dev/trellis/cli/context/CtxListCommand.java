package dev.trellis.cli.context;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trellis ctx list}: the stored contexts and the default. Regenerates {@code host_config}
 * first and makes it the default when none is set, as wash does.
 */
@Command(
    name = "list",
    description = "List the stored contexts and show which is the default.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis ctx list",
      "  trellis ctx list -o json   # {\"contexts\":[…],\"default\":…}"
    })
final class CtxListCommand implements CliCommand {
  @Mixin ContextDirectoryOption dir;

  @Override
  public CommandResult call(CommandContext ctx) {
    ContextStore store = dir.store(ctx);
    try {
      if (store.refreshHostConfig() && store.defaultName().filter(store::exists).isEmpty()) {
        store.setDefault(Context.HOST_CONFIG);
      }
    } catch (CliException e) {
      ctx.output().warn("skipped the host_config context: " + e.getMessage());
    }
    List<String> names = store.names();
    String current = store.defaultName().orElse("N/A");
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      lines.add(name.equals(current) ? ctx.styles().bold(name + " (default)") : name);
    }
    String text =
        ctx.styles().bold("== Contexts found in " + store.directory() + " ==")
            + "\n"
            + (lines.isEmpty()
                ? ctx.styles().faint("(none; create one with 'trellis ctx new <name>')")
                : String.join("\n", lines));
    return CommandResult.builder(text).put("contexts", names).put("default", current).build();
  }
}
