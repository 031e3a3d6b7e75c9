package dev.trellis.cli.context;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis ctx new <name> [-i]}: a context with wash's defaults, or with answers to
 * questions. Unlike wash it does not overwrite an existing context.
 */
@Command(
    name = "new",
    description = {
      "Create a context with default values (local NATS, lattice 'default'), or answer"
          + " questions with --interactive."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis ctx new prod                 # then: trellis ctx edit prod",
      "  trellis ctx new staging --interactive"
    })
final class CtxNewCommand implements CliCommand {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The context's name.")
  String name;

  @Option(
      names = {"-i", "--interactive"},
      description = "Ask for each value on the terminal.")
  boolean interactive;

  @Mixin ContextDirectoryOption dir;

  @Override
  public CommandResult call(CommandContext ctx) {
    if (name == null && !interactive) {
      throw new CliException(
          "failed to create context: give it a name, e.g. 'trellis ctx new prod', or use -i");
    }
    ContextStore store = dir.store(ctx);
    Context context;
    if (interactive) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(ctx.environment().stdin(), StandardCharsets.UTF_8));
      context = new ContextPrompt(in, ctx.environment().err()).ask(name);
    } else {
      context = Context.defaults(name);
    }
    String safe = ContextStore.sanitize(context.name());
    context = context.withName(safe);
    if (store.exists(safe)) {
      throw new CliException(
          "failed to create context '"
              + safe
              + "': it already exists; change it with 'trellis ctx edit "
              + safe
              + "' or delete it first");
    }
    if (safe.equals(Context.HOST_CONFIG)) {
      ctx.output().warn("the host_config context is regenerated from host_config.json on use");
    }
    store.save(context);
    String message =
        "Created context "
            + safe
            + (interactive ? "" : " with default values")
            + " in "
            + store.path(safe);
    return CommandResult.builder(message)
        .put("result", message)
        .put("name", safe)
        .put("file", store.path(safe).toString())
        .build();
  }
}
