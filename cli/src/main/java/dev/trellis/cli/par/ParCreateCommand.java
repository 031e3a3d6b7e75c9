package dev.trellis.cli.par;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.InputFiles;
import dev.trellis.cli.keys.SigningKeys;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;
import dev.trellis.interfaces.par.ProviderArchive;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trellis par create}: a signed provider archive with one target binary, with wash's flags.
 * Missing keys are generated as {@code <binary stem>_service.nk} and {@code <$USER>_account.nk}.
 */
@Command(
    name = "create",
    description = {
      "Create a signed provider archive holding one native binary.",
      "Missing keys are generated in the keys directory as <binary stem>_service.nk and"
          + " <$USER>_account.nk, unless --disable-keygen."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis par create -c wasmcloud:keyvalue -v Acme -n \"Acme KV\" -a x86_64-linux -b ./kv",
      "  trellis par create -c wasmcloud:httpserver -v Acme -n http -a aarch64-linux \\",
      "      -b target/http --compress --destination dist/http.par.gz -r 3 --version 1.2.0"
    })
final class ParCreateCommand implements CliCommand {

  @Option(
      names = {"-c", "--capid"},
      required = true,
      paramLabel = "CONTRACT",
      description = "Capability contract id, e.g. wasmcloud:keyvalue.")
  String capid;

  @Option(
      names = {"-v", "--vendor"},
      required = true,
      description = "Vendor, e.g. Redis or Acme.")
  String vendor;

  @Option(
      names = {"-n", "--name"},
      required = true,
      description = "Name of the provider.")
  String name;

  @Option(
      names = {"-a", "--arch"},
      required = true,
      paramLabel = "ARCH-OS",
      description = "Target of the binary, e.g. x86_64-linux or aarch64-macos.")
  String arch;

  @Option(
      names = {"-b", "--binary"},
      required = true,
      paramLabel = "FILE",
      description = "The provider executable for that target.")
  Path binary;

  @Option(
      names = {"-r", "--revision"},
      paramLabel = "N",
      description = "Revision number.")
  Integer revision;

  @Option(names = "--version", paramLabel = "VERSION", description = "Human-readable version.")
  String version;

  @Option(
      names = {"-i", "--issuer"},
      paramLabel = "SEED|FILE",
      description = "Account seed (SA…) or .nk file that signs (env WASH_ISSUER_KEY).")
  String issuer;

  @Option(
      names = {"-s", "--subject"},
      paramLabel = "SEED|FILE",
      description =
          "Service seed (SV…) or .nk file: the provider's identity (env WASH_SUBJECT_KEY).")
  String subject;

  @Option(
      names = {"-d", "--directory"},
      paramLabel = "DIR",
      description = "Keys directory (default: $WASH_KEYS, else ~/.wash/keys).")
  Path directory;

  @Option(
      names = "--destination",
      paramLabel = "FILE",
      description = "Output file (default: <binary stem>.par, or .par.gz with --compress).")
  Path destination;

  @Option(names = "--compress", description = "Gzip the archive (.par.gz).")
  boolean compress;

  @Option(names = "--disable-keygen", description = "Fail instead of generating missing keys.")
  boolean disableKeygen;

  @Override
  public CommandResult call(CommandContext ctx) {
    String action = "create provider archive";
    Targets.check(arch, action);
    if (NKeys.isValidPublicKey(capid.strip())) {
      throw new CliException(
          "failed to "
              + action
              + ": -c/--capid needs a contract id such as wasmcloud:keyvalue, not a public key");
    }
    Path binaryFile = ctx.resolve(binary);
    byte[] executable = ctx.readFile(binaryFile, "read provider binary");
    String stem = InputFiles.stem(binaryFile);
    SigningKeys keys = new SigningKeys(ctx, ctx.home().keysDirectory(directory), !disableKeygen);
    KeyPair account =
        keys.resolve(issuer, SigningKeys.ISSUER_VARIABLE, "-i/--issuer", KeyType.ACCOUNT, stem);
    KeyPair service =
        keys.resolve(subject, SigningKeys.SUBJECT_VARIABLE, "-s/--subject", KeyType.SERVICE, stem);
    ProviderArchive archive;
    try {
      archive =
          ProviderArchive.builder()
              .withCapabilityId(capid.strip())
              .withVendor(vendor)
              .withName(name)
              .withRevision(revision)
              .withVersion(version)
              .addTarget(arch, executable)
              .withIssuer(account)
              .withSubject(service)
              .withClock(ctx.clock())
              .build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new CliException("failed to " + action + ": " + e.getMessage(), e);
    }
    Path file =
        destination != null
            ? ctx.resolve(destination)
            : ctx.resolve(stem + (compress ? ".par.gz" : ".par"));
    ctx.writeFile(file, archive.toBytes(compress), "write provider archive");
    return CommandResult.builder(
            "Successfully created archive " + ctx.styles().id(ctx.display(file)))
        .put("file", file.toString())
        .put("service", service.publicKey())
        .put("issuer", account.publicKey())
        .build();
  }
}
