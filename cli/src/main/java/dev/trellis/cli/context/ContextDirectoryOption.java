package dev.trellis.cli.context;

import dev.trellis.cli.CommandContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --directory} option every {@code ctx} command has, and the store it selects. */
final class ContextDirectoryOption {
  @Option(
      names = "--directory",
      paramLabel = "DIR",
      description = "Contexts directory (default: $WASH_CONTEXTS, else ~/.wash/contexts).")
  Path directory;

  ContextStore store(CommandContext ctx) {
    return new ContextStore(ctx.home().contextsDirectory(directory), ctx.home().hostConfigFile());
  }
}
