package dev.trellis.cli.par;

import picocli.CommandLine.Command;

/** {@code trellis par}: provider archives (dataplane §7.1). */
@Command(
    name = "par",
    description = "Create, inspect and extend provider archives (.par, .par.gz).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ParCreateCommand.class, ParInspectCommand.class, ParInsertCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis par create -c wasmcloud:keyvalue -v Acme -n \"Acme KV\" -a x86_64-linux -b ./kv",
      "  trellis par inspect kv.par.gz",
      "  trellis par insert kv.par.gz -a aarch64-linux -b ./kv-arm64 -i ./me_account.nk"
    })
public final class ParCommand {}
