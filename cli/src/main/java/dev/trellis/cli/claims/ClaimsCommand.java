package dev.trellis.cli.claims;

import picocli.CommandLine.Command;

/** {@code trellis claims}: sign actor modules and inspect their claims (dataplane §8). */
@Command(
    name = "claims",
    description = "Sign WebAssembly actor modules and inspect their embedded claims.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ClaimsSignCommand.class, ClaimsInspectCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  trellis claims sign echo.wasm -n Echo -q", "  trellis claims inspect echo_s.wasm"})
public final class ClaimsCommand {}
