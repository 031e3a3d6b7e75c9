package dev.trellis.cli.ctl;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.cli.context.CtlOptions;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.lattice.LatticeData;
import dev.trellis.cli.output.Columns;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trellis link query}: every link, from the KV bucket ({@code LINKDEF_*}) or {@code
 * get.links}. JSON key {@code links}: LinkDefinition objects with their {@code id}.
 */
@Command(
    name = "query",
    description = "List the links of the lattice.",
    footerHeading = "%nExamples:%n",
    footer = {"  trellis link query", "  trellis link query -o json"})
final class LinkQueryCommand implements CliCommand {
  @Mixin CtlOptions ctl;

  @Override
  public CommandResult call(CommandContext ctx) {
    return query(ctx, ctl);
  }

  static CommandResult query(CommandContext ctx, CtlOptions ctl) {
    CtlConnection conn = ctl.resolve(ctx);
    List<LinkDefinition> links;
    try (CtlClient client = CtlClient.connect(conn)) {
      links = LatticeData.open(client).links();
    }
    Columns table =
        Columns.with(ctx.styles(), "Actor ID", "Provider ID", "Contract ID", "Link name", "Values");
    for (LinkDefinition l : links) {
      table.row(
          ctx.styles().id(l.actorId()),
          ctx.styles().id(l.providerId()),
          l.contractId(),
          l.linkName(),
          Texts.pairs(l.values()));
    }
    String text = table.render("No links in lattice '" + conn.latticePrefix() + "'");
    return CommandResult.builder(text)
        .put("links", links.stream().map(LinkDefinitionCodec::toJson).toList())
        .build();
  }
}
