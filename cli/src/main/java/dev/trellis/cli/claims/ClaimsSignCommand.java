package dev.trellis.cli.claims;

import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.InputFiles;
import dev.trellis.cli.keys.SigningKeys;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.ModuleSigner;
import dev.trellis.interfaces.contract.blobstore.Blobstore;
import dev.trellis.interfaces.contract.httpclient.HttpClient;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.logging.Logging;
import dev.trellis.interfaces.contract.messaging.Messaging;
import dev.trellis.interfaces.contract.numbergen.NumberGen;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis claims sign <wasm>}: embeds signed actor claims in a module, with wash's flags
 * (controlplane §8.3). The capability shortcuts map as in wash with wascap 0.11: {@code -k}
 * keyvalue, {@code -g} messaging, {@code -q} httpserver, {@code -h} httpclient, {@code -f}
 * blobstore, {@code -l} builtin logging, {@code -z} builtin numbergen (wash's "extras": random
 * numbers and GUIDs), {@code -e} eventstreams. {@code -h} is therefore not help here; use {@code
 * --help}.
 */
@Command(
    name = "sign",
    description = {
      "Sign a WebAssembly module: embed claims naming the actor, its capabilities and its keys.",
      "Missing keys are generated in the keys directory as <module stem>_module.nk and"
          + " <$USER>_account.nk, unless --disable-keygen.",
      "Note: -h means --http_client here, as in wash; help is --help."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis claims sign echo.wasm -n Echo -q                  # writes echo_s.wasm",
      "  trellis claims sign kv.wasm -n Counter -q -k --rev 2 --ver 0.2.0",
      "  trellis claims sign ponger.wasm -n Pong -a trellis/pong -i ./keys/me_account.nk",
      "  trellis claims sign app.wasm -n App -c acme:queue -t web -x 30 -d out/app_s.wasm"
    })
final class ClaimsSignCommand implements CliCommand {

  @Parameters(index = "0", paramLabel = "WASM", description = "The module to sign.")
  Path source;

  @Option(
      names = {"-n", "--name"},
      required = true,
      paramLabel = "NAME",
      description = "A human-readable name for the actor.")
  String name;

  @Option(
      names = {"-d", "--destination"},
      paramLabel = "FILE",
      description = "Where to write the signed module (default: <module stem>_s.wasm beside it).")
  Path destination;

  @Option(
      names = {"-k", "--keyvalue"},
      description = "Capability wasmcloud:keyvalue.")
  boolean keyvalue;

  @Option(
      names = {"-g", "--msg"},
      description = "Capability wasmcloud:messaging.")
  boolean messaging;

  @Option(
      names = {"-q", "--http_server", "--http-server"},
      description = "Capability wasmcloud:httpserver.")
  boolean httpServer;

  @Option(
      names = {"-h", "--http_client", "--http-client"},
      description = "Capability wasmcloud:httpclient (not help: use --help).")
  boolean httpClient;

  @Option(
      names = {"-f", "--blob_store", "--blob-store"},
      description = "Capability wasmcloud:blobstore.")
  boolean blobStore;

  @Option(
      names = {"-l", "--logging"},
      description = "Capability wasmcloud:builtin:logging.")
  boolean logging;

  @Option(
      names = {"-z", "--extras"},
      description = "Capability wasmcloud:builtin:numbergen (random numbers, GUIDs).")
  boolean extras;

  @Option(
      names = {"-e", "--events"},
      description = "Capability wasmcloud:eventstreams.")
  boolean events;

  @Option(
      names = {"-c", "--cap"},
      paramLabel = "CONTRACT",
      description = "Another capability contract id, e.g. acme:queue (repeatable).")
  List<String> customCaps = new ArrayList<>();

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TAG",
      description = "A free tag (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = {"-p", "--prov"},
      description = "Mark the module as a capability provider (legacy; one capability only).")
  boolean provider;

  @Option(
      names = {"-r", "--rev"},
      paramLabel = "N",
      description = "Revision number.")
  Integer revision;

  @Option(
      names = {"-v", "--ver"},
      paramLabel = "VERSION",
      description = "Human-readable version, e.g. 0.1.0.")
  String version;

  @Option(
      names = {"-a", "--call-alias"},
      paramLabel = "ALIAS",
      description = "Alias other actors may call this one by: lowercase letters, digits, _ and /.")
  String callAlias;

  @Option(
      names = {"-i", "--issuer"},
      paramLabel = "SEED|FILE",
      description = "Account seed (SA…) or .nk file that signs (env WASH_ISSUER_KEY).")
  String issuer;

  @Option(
      names = {"-s", "--subject"},
      paramLabel = "SEED|FILE",
      description = "Module seed (SM…) or .nk file: the actor's identity (env WASH_SUBJECT_KEY).")
  String subject;

  @Option(
      names = "--directory",
      paramLabel = "DIR",
      description = "Keys directory (default: $WASH_KEYS, else ~/.wash/keys).")
  Path directory;

  @Option(
      names = {"-x", "--expires"},
      paramLabel = "DAYS",
      description = "The claims expire after this many days (default: never).")
  Long expiresInDays;

  @Option(
      names = {"-b", "--nbf"},
      paramLabel = "DAYS",
      description = "The claims become valid after this many days (default: at once).")
  Long notBeforeDays;

  @Option(names = "--disable-keygen", description = "Fail instead of generating missing keys.")
  boolean disableKeygen;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path module = ctx.resolve(source);
    String action = "sign module";
    List<String> caps = capabilities();
    if (provider && caps.size() > 1) {
      throw new CliException(
          "failed to sign module "
              + ctx.display(module)
              + ": capability providers cannot provide multiple capabilities at once");
    }
    checkCallAlias();
    checkDays(expiresInDays, "-x/--expires");
    checkDays(notBeforeDays, "-b/--nbf");
    byte[] wasm = ctx.readFile(module, action);
    try {
      ModuleClaims.strip(wasm); // a module at all? (before any key is generated for it)
    } catch (ClaimsException e) {
      throw new CliException(
          "failed to sign module " + ctx.display(module) + ": " + e.getMessage(), e);
    }
    SigningKeys keys = new SigningKeys(ctx, ctx.home().keysDirectory(directory), !disableKeygen);
    String stem = InputFiles.stem(module);
    KeyPair account =
        keys.resolve(issuer, SigningKeys.ISSUER_VARIABLE, "-i/--issuer", KeyType.ACCOUNT, stem);
    KeyPair moduleKey =
        keys.resolve(subject, SigningKeys.SUBJECT_VARIABLE, "-s/--subject", KeyType.MODULE, stem);
    ActorMetadata metadata =
        ActorMetadata.builder()
            .withName(name)
            .withCaps(caps)
            .withTags(tags)
            .withRevision(revision)
            .withVersion(version)
            .withCallAlias(callAlias)
            .withProvider(provider)
            .build();
    Instant now = ctx.clock().instant();
    byte[] signed;
    try {
      signed =
          ModuleSigner.builder()
              .withAccount(account)
              .withModule(moduleKey)
              .withMetadata(metadata)
              .withExpires(daysFrom(now, expiresInDays))
              .withNotBefore(daysFrom(now, notBeforeDays))
              .withClock(ctx.clock())
              .build()
              .sign(wasm);
    } catch (ClaimsException e) {
      throw new CliException(
          "failed to sign module " + ctx.display(module) + ": " + e.getMessage(), e);
    }
    Path target =
        destination != null ? ctx.resolve(destination) : module.resolveSibling(stem + "_s.wasm");
    ctx.writeFile(target, signed, "write signed module");
    String text =
        "Successfully signed "
            + ctx.styles().id(ctx.display(target))
            + " with capabilities: "
            + String.join(",", caps);
    return CommandResult.builder(text)
        .put("destination", target.toString())
        .put("capabilities", caps)
        .put("module", moduleKey.publicKey())
        .put("account", account.publicKey())
        .build();
  }

  /** The capabilities in wash's order: shortcuts first, then {@code -c} ones; no repeats. */
  List<String> capabilities() {
    Set<String> caps = new LinkedHashSet<>();
    addIf(caps, keyvalue, KeyValue.CONTRACT_ID);
    addIf(caps, messaging, Messaging.CONTRACT_ID);
    addIf(caps, httpClient, HttpClient.CONTRACT_ID);
    addIf(caps, httpServer, HttpServer.CONTRACT_ID);
    addIf(caps, blobStore, Blobstore.CONTRACT_ID);
    addIf(caps, logging, Logging.CONTRACT_ID);
    addIf(caps, extras, NumberGen.CONTRACT_ID);
    addIf(caps, events, Capabilities.EVENTSTREAMS);
    for (String cap : customCaps) {
      if (cap.isBlank()) {
        throw new CliException("failed to sign module: -c/--cap needs a contract id, got ''");
      }
      caps.add(cap.strip());
    }
    return List.copyOf(caps);
  }

  /** wash's rules: not empty, not a public key, lowercase letters, digits, '_' and '/' only. */
  private void checkCallAlias() {
    if (callAlias == null) {
      return;
    }
    if (callAlias.isEmpty()) {
      throw new CliException("failed to sign module: the call alias (-a) cannot be empty");
    }
    if (callAlias.length() == 56 && callAlias.chars().allMatch(c -> isDigit(c) || isUpper(c))) {
      throw new CliException(
          "failed to sign module: a public key cannot be used as a call alias; choose a name"
              + " such as myorg/pong");
    }
    boolean valid =
        callAlias
            .chars()
            .allMatch(c -> isDigit(c) || (c >= 'a' && c <= 'z') || c == '_' || c == '/');
    if (!valid) {
      throw new CliException(
          "failed to sign module: call alias '"
              + callAlias
              + "' contains invalid characters; use lowercase letters, digits, '_' and '/'");
    }
  }

  private static void checkDays(Long days, String flag) {
    if (days != null && days < 0) {
      throw new CliException("failed to sign module: " + flag + " needs 0 or more days");
    }
  }

  static Instant daysFrom(Instant now, Long days) {
    return days == null ? null : now.plus(Duration.ofDays(days));
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(int c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void addIf(Set<String> caps, boolean condition, String cap) {
    if (condition) {
      caps.add(cap);
    }
  }
}
