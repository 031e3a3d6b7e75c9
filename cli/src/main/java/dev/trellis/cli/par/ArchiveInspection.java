package dev.trellis.cli.par;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Styles;
import dev.trellis.cli.output.Table;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.claims.TokenValidation;
import dev.trellis.interfaces.par.ArchiveException;
import dev.trellis.interfaces.par.ProviderArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code par inspect} (and {@code inspect} on an archive) shows. JSON keys are wash's ({@code
 * name, issuer, service, capability_contract_id, vendor, version, revision, targets}, {@code
 * schema} when the claims carry one; {@code version} and {@code revision} are strings, {@code
 * "None"} when absent); Trellis adds {@code expires}, {@code can_be_used} and {@code valid}.
 *
 * <p>wash only decodes the claims. Trellis also checks the signature and every target's hash, and
 * fails when either does not verify: a host would refuse such an archive.
 */
public final class ArchiveInspection {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveInspection() {}

  /**
   * The archive in {@code bytes}, read from {@code file}, checked and rendered; {@code jwtOnly}
   * gives only its {@code claims.jwt} token (key {@code token}).
   */
  public static CommandResult inspect(
      CommandContext ctx, Path file, byte[] bytes, boolean jwtOnly) {
    String failed = "failed to inspect provider archive " + ctx.display(file) + ": ";
    ProviderArchive archive;
    TokenValidation<ProviderMetadata> validation;
    try {
      archive = ProviderArchive.read(bytes);
      if (jwtOnly) {
        return CommandResult.builder(archive.jwt()).put("token", archive.jwt()).build();
      }
      validation = Jwt.validate(archive.jwt(), ProviderMetadata.class, ctx.clock());
    } catch (ArchiveException | ClaimsException e) {
      throw new CliException(failed + e.getMessage(), e);
    }
    Claims<ProviderMetadata> claims = validation.claims();
    if (!validation.signatureValid()) {
      throw new CliException(
          failed
              + "the claims' signature does not verify against issuer "
              + claims.issuer()
              + "; the archive was altered after signing");
    }
    try {
      for (String target : archive.targets()) {
        archive.binary(target);
      }
    } catch (ArchiveException e) {
      throw new CliException(
          failed + e.getMessage() + "; the archive was altered after signing", e);
    }
    return render(ctx, archive, validation);
  }

  private static CommandResult render(
      CommandContext ctx, ProviderArchive archive, TokenValidation<ProviderMetadata> validation) {
    ProviderMetadata md = archive.metadata();
    Claims<ProviderMetadata> claims = archive.claims();
    Styles s = ctx.styles();
    String name = md.name() == null ? "None" : md.name();
    String version = md.ver() == null ? "None" : md.ver();
    String revision = md.rev() == null ? "None" : md.rev().toString();
    List<String> targets = new ArrayList<>(archive.targets());
    String expires =
        validation.expired()
            ? s.bad(validation.expiresHuman() + " (expired)")
            : validation.expiresHuman();
    String usable =
        validation.cannotUseYet()
            ? s.warn(validation.notBeforeHuman() + " (not yet)")
            : validation.notBeforeHuman();
    Table table =
        Table.with(s)
            .title(name + " - Provider Archive")
            .row("Account", s.id(claims.issuer()))
            .row("Service", s.id(claims.subject()))
            .row("Capability Contract ID", md.capid())
            .row("Vendor", md.vendor())
            .row("Version", version)
            .row("Revision", revision)
            .row("Expires", expires)
            .row("Can Be Used", usable)
            .section("Supported Architecture Targets", targets, "None");
    if (md.configSchema() != null) {
      table.section(
          "Link Definition Schema",
          List.of("Use the JSON output option to extract the schema"),
          "");
    }
    CommandResult.Builder result =
        CommandResult.builder(table.render())
            .put("name", name)
            .put("issuer", claims.issuer())
            .put("service", claims.subject())
            .put("capability_contract_id", md.capid())
            .put("vendor", md.vendor())
            .put("version", version)
            .put("revision", revision)
            .put("targets", targets);
    if (md.configSchema() != null) {
      result.put("schema", parse(md.configSchema()));
    }
    return result
        .put("expires", validation.expiresHuman())
        .put("can_be_used", validation.notBeforeHuman())
        .put("valid", validation.isValid())
        .build();
  }

  private static Object parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return json;
    }
  }
}
