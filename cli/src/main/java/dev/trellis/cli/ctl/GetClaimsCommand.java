package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.LatticeData;
import dev.trellis.cli.output.Columns;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.control.LatticeDataCodec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trellis get claims}: the claims of every actor and provider the lattice has seen, from the
 * KV bucket ({@code CLAIMS_*}) or {@code get.claims} (controlplane §2.2, §3.4). JSON key {@code
 * claims}: the records, every value a string.
 */
@Command(
    name = "claims",
    description = "List the claims of the actors and providers known to the lattice.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis get claims", "  trellis get claims -o json"})
final class GetClaimsCommand implements CliCommand {
  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    CtlConnection conn = ctl.resolve(ctx);
    List<ClaimsRecord> claims;
    try (CtlClient client = CtlClient.connect(conn)) {
      claims = LatticeData.open(client).claims();
    }
    Columns table =
        Columns.with(ctx.styles(), "Name", "Subject", "Capabilities", "Version", "Rev", "Alias");
    for (ClaimsRecord c : claims) {
      table.row(
          c.name(),
          ctx.styles().id(c.subject()),
          c.contractId().isEmpty() ? String.join(", ", c.capabilities()) : c.contractId(),
          c.version(),
          c.revision(),
          c.callAlias());
    }
    String text = table.render("No claims in lattice '" + conn.latticePrefix() + "'");
    return CommandResult.builder(text)
        .put(
            "claims",
            claims.stream().map(c -> CtlClient.parse(LatticeDataCodec.encode(c))).toList())
        .build();
  }
}
