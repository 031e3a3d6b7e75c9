package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis stop}: stop actors, providers and hosts (wash 0.18's top-level {@code stop}). */
@Command(
    name = "stop",
    description = "Stop an actor, a provider or a whole host.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ActorStopCommand.class, ProviderStopCommand.class, HostStopCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis stop actor NCE7… MBCF… --count 2",
      "  trellis stop provider NCE7… VAG3… default wasmcloud:httpserver",
      "  trellis stop host NCE7…"
    })
public final class StopCommand {}
