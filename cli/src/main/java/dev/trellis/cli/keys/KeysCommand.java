package dev.trellis.cli.keys;

import picocli.CommandLine.Command;

/** {@code trellis keys}: generate and read nkeys (controlplane §8.3). */
@Command(
    name = "keys",
    description = "Generate, list and read nkey key pairs (seeds in *.nk files).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {KeysGenCommand.class, KeysGetCommand.class, KeysListCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  trellis keys gen module", "  trellis keys list", "  trellis keys get me_account"})
public final class KeysCommand {}
