package dev.trellis.cli.ctl;

import picocli.CommandLine.Command;

/** {@code trellis get}: read what the lattice holds (wash 0.18's top-level {@code get}). */
@Command(
    name = "get",
    description =
        "Show the hosts of a lattice, what runs on them, and the lattice's claims and links.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      GetHostsCommand.class,
      GetInventoryCommand.class,
      GetClaimsCommand.class,
      GetLinksCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis get hosts",
      "  trellis get inventory",
      "  trellis get claims -o json",
      "  trellis get links -x mylattice"
    })
public final class GetCommand {}
