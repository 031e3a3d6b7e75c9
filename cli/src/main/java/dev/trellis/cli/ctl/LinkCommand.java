package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis link}: put, delete and list links (controlplane §2.5–2.6, §4.2). */
@Command(
    name = "link",
    description = "Put, delete and list links between actors and providers.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {LinkPutCommand.class, LinkDelCommand.class, LinkQueryCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis link put MBCF… VAG3… wasmcloud:httpserver ADDRESS=127.0.0.1:8080",
      "  trellis link del MBCF… wasmcloud:httpserver",
      "  trellis link query"
    })
public final class LinkCommand {}
