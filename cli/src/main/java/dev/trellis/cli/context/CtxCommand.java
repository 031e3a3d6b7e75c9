package dev.trellis.cli.context;

import picocli.CommandLine.Command;

/** {@code trellis ctx}: stored connection contexts (controlplane §8.1). */
@Command(
    name = "ctx",
    description = {
      "Manage contexts: named lattice connection settings stored as JSON files.",
      "The context 'host_config' is regenerated from the host's host_config.json and is the"
          + " default until another is chosen."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      CtxListCommand.class,
      CtxDefaultCommand.class,
      CtxNewCommand.class,
      CtxEditCommand.class,
      CtxDelCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis ctx new prod && trellis ctx edit prod",
      "  trellis ctx default prod",
      "  trellis ctx list -o json"
    })
public final class CtxCommand {}
