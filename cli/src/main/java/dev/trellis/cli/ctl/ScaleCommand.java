package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis scale}: change how many instances of an actor run on a host. */
@Command(
    name = "scale",
    description = "Scale an actor on a host to a number of instances.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ActorScaleCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  trellis scale actor NCE7… MBCF… ./echo.wasm -c 4"})
public final class ScaleCommand {}
