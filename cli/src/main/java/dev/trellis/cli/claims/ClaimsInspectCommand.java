package dev.trellis.cli.claims;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trellis claims inspect <wasm>}: the claims of a signed module, checked. */
@Command(
    name = "inspect",
    description = {
      "Show the claims of a signed module: identity, capabilities, validity, and whether the"
          + " module still matches its signed hash.",
      "Fails when the signature or the hash does not verify."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis claims inspect echo_s.wasm",
      "  trellis claims inspect echo_s.wasm -o json | jq -r .module",
      "  trellis claims inspect echo_s.wasm --jwt-only"
    })
final class ClaimsInspectCommand implements CliCommand {

  @Parameters(index = "0", paramLabel = "WASM", description = "A signed module.")
  Path module;

  @Option(names = "--jwt-only", description = "Print only the raw JWT.")
  boolean jwtOnly;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path file = ctx.resolve(module);
    byte[] wasm = ctx.readFile(file, "inspect module");
    return ModuleInspection.inspect(ctx, file, wasm, jwtOnly);
  }
}
