package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis start}: start actors and providers (wash 0.18's top-level {@code start}). */
@Command(
    name = "start",
    description = "Start an actor or a provider on a host of the lattice.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ActorStartCommand.class, ProviderStartCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis start actor actors/wasm-corpus/echo-rust.wasm",
      "  trellis start provider ./httpserver.par.gz --link-name default"
    })
public final class StartCommand {}
