package dev.trellis.cli.context;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis ctx edit <name>}: opens the context file in {@code -e/--editor} or {@code
 * $EDITOR}, waits for it, then checks that the file is still a valid context.
 */
@Command(
    name = "edit",
    description = "Edit a context file in your editor ($EDITOR), then check it.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis ctx edit prod", "  trellis ctx edit prod -e nano"})
final class CtxEditCommand implements CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The context to edit.")
  String name;

  @Option(
      names = {"-e", "--editor"},
      paramLabel = "EDITOR",
      description = "Editor command (default: $EDITOR).")
  String editor;

  @Mixin ContextDirectoryOption dir;

  @Override
  public CommandResult call(CommandContext ctx) throws InterruptedException {
    ContextStore store = dir.store(ctx);
    if (name.equals(Context.HOST_CONFIG)) {
      store.refreshHostConfig();
      ctx.output()
          .warn(
              "edits to the host_config context are overwritten; change the host's configuration"
                  + " instead");
    }
    if (!store.exists(name)) {
      throw new CliException(
          "failed to edit context '"
              + name
              + "': it does not exist; create it with 'trellis ctx new "
              + name
              + "'");
    }
    String command = editor != null ? editor : ctx.variable("EDITOR");
    if (command == null || command.isBlank()) {
      throw new CliException(
          "failed to edit context '" + name + "': no editor; set EDITOR or pass -e, e.g. -e nano");
    }
    Path file = store.path(name);
    List<String> argv = new ArrayList<>(List.of(command.strip().split("\\s+")));
    argv.add(file.toString());
    int exit;
    try {
      Process process =
          new ProcessBuilder(argv)
              .directory(ctx.environment().workingDirectory().toFile())
              .inheritIO()
              .start();
      exit = process.waitFor();
    } catch (IOException e) {
      throw new CliException(
          "failed to edit context '"
              + name
              + "': cannot run editor '"
              + argv.get(0)
              + "': "
              + e.getMessage(),
          e);
    }
    if (exit != 0) {
      throw new CliException(
          "failed to edit context '" + name + "': the editor exited with code " + exit);
    }
    try {
      store.load(name);
    } catch (CliException e) {
      throw new CliException(
          "failed to edit context '"
              + name
              + "': the file is no longer a valid context ("
              + e.getMessage()
              + "); run 'trellis ctx edit "
              + name
              + "' again to fix it",
          e);
    }
    return CommandResult.message("Finished editing context " + name);
  }
}
