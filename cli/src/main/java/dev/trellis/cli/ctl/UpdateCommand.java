package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis update}: live-update an actor to a newer revision. */
@Command(
    name = "update",
    description = "Live-update an actor on a host to a module with a higher revision.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ActorUpdateCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  trellis update actor NCE7… MBCF… ./echo_v2_s.wasm"})
public final class UpdateCommand {}
