package dev.trellis.cli.par;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.InputFiles;
import dev.trellis.cli.keys.SigningKeys;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ArchiveException;
import dev.trellis.interfaces.par.ProviderArchive;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis par insert <par> -a <arch> -b <binary>}: adds (or replaces) a target and re-signs
 * the archive in place, keeping its compression. The provider's identity (the service key) never
 * changes, so {@code -s} is only checked against it. The signing account is {@code -i}, {@code
 * $WASH_ISSUER_KEY} or {@code <$USER>_account.nk}; unlike wash, insert never generates an account
 * key, since a new one would silently change who vouches for the archive.
 */
@Command(
    name = "insert",
    description = {
      "Add a binary for another target to a provider archive and re-sign it in place.",
      "The signing account comes from -i, $WASH_ISSUER_KEY or <$USER>_account.nk."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis par insert kv.par.gz -a aarch64-linux -b ./kv-arm64",
      "  trellis par insert kv.par -a aarch64-macos -b ./kv-mac -i ./keys/me_account.nk"
    })
final class ParInsertCommand implements CliCommand {

  @Parameters(index = "0", paramLabel = "PAR", description = "The archive to extend.")
  Path archive;

  @Option(
      names = {"-a", "--arch"},
      required = true,
      paramLabel = "ARCH-OS",
      description = "Target of the binary, e.g. aarch64-linux.")
  String arch;

  @Option(
      names = {"-b", "--binary"},
      required = true,
      paramLabel = "FILE",
      description = "The provider executable for that target.")
  Path binary;

  @Option(
      names = {"-i", "--issuer"},
      paramLabel = "SEED|FILE",
      description = "Account seed (SA…) or .nk file that re-signs (env WASH_ISSUER_KEY).")
  String issuer;

  @Option(
      names = {"-s", "--subject"},
      paramLabel = "SEED|FILE",
      description = "Service seed (SV…) or .nk file; must be the archive's own service key.")
  String subject;

  @Option(
      names = {"-d", "--directory"},
      paramLabel = "DIR",
      description = "Keys directory (default: $WASH_KEYS, else ~/.wash/keys).")
  Path directory;

  @Option(
      names = "--disable-keygen",
      description = "Accepted for wash compatibility; insert never generates keys.")
  boolean disableKeygen;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path file = ctx.resolve(archive);
    String failed = "failed to insert into provider archive " + ctx.display(file) + ": ";
    Targets.check(arch, "insert into provider archive " + ctx.display(file));
    byte[] bytes = ctx.readFile(file, "read provider archive");
    Path binaryFile = ctx.resolve(binary);
    byte[] executable = ctx.readFile(binaryFile, "read provider binary");
    boolean compressed =
        bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    SigningKeys keys = new SigningKeys(ctx, ctx.home().keysDirectory(directory), false);
    KeyPair account =
        keys.existing(
            issuer,
            SigningKeys.ISSUER_VARIABLE,
            "-i/--issuer",
            KeyType.ACCOUNT,
            InputFiles.stem(binaryFile));
    ProviderArchive updated;
    try {
      ProviderArchive par = ProviderArchive.read(bytes);
      if (!Jwt.validate(par.jwt(), ProviderMetadata.class, ctx.clock()).signatureValid()) {
        throw new CliException(
            failed + "its claims' signature does not verify; it was altered after signing");
      }
      if (subject != null) {
        KeyPair service =
            keys.existing(
                subject, SigningKeys.SUBJECT_VARIABLE, "-s/--subject", KeyType.SERVICE, "");
        if (!service.publicKey().equals(par.providerKey())) {
          throw new CliException(
              failed
                  + "-s/--subject is "
                  + service.publicKey()
                  + " but the archive's provider is "
                  + par.providerKey()
                  + "; a provider's identity cannot change");
        }
      }
      if (!account.publicKey().equals(par.claims().issuer())) {
        ctx.output()
            .notice(
                "Re-signing with account "
                    + account.publicKey()
                    + " (was "
                    + par.claims().issuer()
                    + ")");
      }
      updated = par.withTarget(arch, executable, account, ctx.clock());
    } catch (ArchiveException | ClaimsException | IllegalStateException e) {
      throw new CliException(failed + e.getMessage(), e);
    }
    ctx.writeFile(file, updated.toBytes(compressed), "write provider archive");
    String text =
        "Successfully inserted "
            + ctx.styles().id(ctx.display(binaryFile))
            + " into archive "
            + ctx.styles().id(ctx.display(file));
    return CommandResult.builder(text)
        .put("file", file.toString())
        .put("targets", updated.targets().stream().toList())
        .build();
  }
}
