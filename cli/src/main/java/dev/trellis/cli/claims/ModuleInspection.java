package dev.trellis.cli.claims;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Styles;
import dev.trellis.cli.output.Table;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.TokenValidation;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code claims inspect} (and {@code inspect} on a module) shows. The JSON keys are wash's
 * ({@code account, module, expires, can_be_used, version, revision, capabilities, tags, call_alias,
 * name}, with wash's placeholders {@code "None"} and {@code "(Not set)"} and display names in
 * {@code capabilities}); Trellis adds {@code caps} (the contract ids), {@code hash}, {@code
 * hash_matches} and {@code valid} (signature good, not expired, usable now).
 *
 * <p>A module whose claims were altered (signature does not verify) or whose code was altered (hash
 * mismatch under {@code wascap_revision} ≥ 3, which wascap rejects) is an error, as wash's {@code
 * extract_claims} makes it: its identity cannot be shown as if it were real. Expired claims are
 * shown, marked expired. These are the checks {@link ModuleClaims#verify} makes, done one by one so
 * that expiry is reported rather than thrown.
 */
public final class ModuleInspection {
  private ModuleInspection() {}

  /** The result for {@code wasm}, read from {@code file}; {@code jwtOnly} prints the token. */
  public static CommandResult inspect(CommandContext ctx, Path file, byte[] wasm, boolean jwtOnly) {
    String action = "failed to inspect module " + ctx.display(file) + ": ";
    String jwt;
    TokenValidation<ActorMetadata> validation;
    String computedHash;
    try {
      jwt =
          ModuleClaims.extractJwt(wasm)
              .orElseThrow(
                  () ->
                      new CliException(
                          action
                              + "it has no claims (no jwt or wasmcloud_jwt section); sign it with"
                              + " 'trellis claims sign'"));
      if (jwtOnly) {
        return CommandResult.builder(jwt).put("token", jwt).build();
      }
      validation = Jwt.validate(jwt, ActorMetadata.class, ctx.clock());
      computedHash = ModuleClaims.computeHash(wasm);
    } catch (ClaimsException e) {
      throw new CliException(action + e.getMessage(), e);
    }
    Claims<ActorMetadata> claims = validation.claims();
    ActorMetadata md = claims.metadata();
    if (md == null) {
      throw new CliException(action + "its claims have no wascap metadata");
    }
    if (!validation.signatureValid()) {
      throw new CliException(
          action
              + "the claims' signature does not verify against issuer "
              + claims.issuer()
              + "; the claims were altered after signing");
    }
    boolean hashMatches = computedHash.equals(md.hash());
    boolean enforced =
        claims.wascapRevision() != null
            && Integer.toUnsignedLong(claims.wascapRevision()) >= Claims.CURRENT_REVISION;
    if (!hashMatches && enforced) {
      throw new CliException(
          action
              + "module hash "
              + computedHash
              + " does not match the signed hash "
              + md.hash()
              + "; the module was altered after signing");
    }
    return render(ctx, claims, validation, hashMatches);
  }

  private static CommandResult render(
      CommandContext ctx,
      Claims<ActorMetadata> claims,
      TokenValidation<ActorMetadata> validation,
      boolean hashMatches) {
    ActorMetadata md = claims.metadata();
    Styles s = ctx.styles();
    String name = md.name() == null ? "None" : md.name();
    String version = md.ver() == null ? "None" : md.ver();
    int revision = md.rev() == null ? 0 : md.rev();
    List<String> caps = md.caps() == null ? List.of() : md.caps();
    List<String> tags = md.tags() == null ? List.of() : md.tags();
    String tagsText = tags.isEmpty() ? "None" : String.join(",", tags);
    String alias = md.callAlias() == null ? "(Not set)" : md.callAlias();
    List<String> displayCaps = caps.stream().map(Capabilities::displayName).toList();

    String expires =
        validation.expired()
            ? s.bad(validation.expiresHuman() + " (expired)")
            : validation.expiresHuman();
    String usable =
        validation.cannotUseYet()
            ? s.warn(validation.notBeforeHuman() + " (not yet)")
            : validation.notBeforeHuman();
    String hash =
        hashMatches
            ? md.hash() + " " + s.good("(matches the module)")
            : md.hash()
                + " "
                + s.warn("(does not match the module; accepted: claims predate wascap_revision 3)");
    String text =
        Table.with(s)
            .title(name + " - Module")
            .row("Account", s.id(claims.issuer()))
            .row("Module", s.id(claims.subject()))
            .row("Expires", expires)
            .row("Can Be Used", usable)
            .row("Version", version + " (" + revision + ")")
            .row("Call Alias", alias)
            .row("Hash", hash)
            .section(md.provider() ? "Capability Provider" : "Capabilities", displayCaps, "None")
            .section("Tags", tags, "None")
            .render();
    return CommandResult.builder(text)
        .put("account", claims.issuer())
        .put("module", claims.subject())
        .put("expires", validation.expiresHuman())
        .put("can_be_used", validation.notBeforeHuman())
        .put("version", version)
        .put("revision", revision)
        .put(md.provider() ? "capability_provider" : "capabilities", displayCaps)
        .put("tags", tagsText)
        .put("call_alias", alias)
        .put("name", name)
        .put("caps", caps)
        .put("hash", md.hash())
        .put("hash_matches", hashMatches)
        .put("valid", validation.isValid())
        .build();
  }
}
