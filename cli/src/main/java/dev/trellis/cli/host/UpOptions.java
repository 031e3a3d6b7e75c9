package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.lattice.Pairs;
import dev.trellis.interfaces.InvalidSubjectException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.NatsEndpoint;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code trellis up}'s host settings: wash's {@code WasmcloudOpts} and {@code NatsOpts}, each flag
 * named like the environment variable the wasmCloud host reads (controlplane §5.3), resolved flag →
 * variable → default. The control, RPC and provider-RPC connections default to the NATS server's
 * host and port; the provider-RPC credentials default to the RPC ones. {@code HOST_<NAME>}
 * variables become labels ({@code HOST_CONFIG}, the path variable, excepted).
 */
final class UpOptions {
  private static final Set<String> TRUE = Set.of("1", "true", "yes", "y", "enabled", "enable");

  @Option(
      names = "--nats-host",
      paramLabel = "HOST",
      description = "NATS host (env NATS_HOST; default 127.0.0.1).")
  String natsHost;

  @Option(
      names = "--nats-port",
      paramLabel = "PORT",
      description = "NATS port (env NATS_PORT; default 4222).")
  Integer natsPort;

  @Option(
      names = "--nats-connect-only",
      description = "Never start a NATS server; connect to the one at --nats-host/--nats-port.")
  boolean natsConnectOnly;

  @Option(
      names = {"-x", "--lattice-prefix"},
      paramLabel = "PREFIX",
      description = "Lattice prefix (env WASMCLOUD_LATTICE_PREFIX; default 'default').")
  String latticePrefix;

  @Option(
      names = "--host-seed",
      paramLabel = "SEED",
      description = "Host seed SN… (env WASMCLOUD_HOST_SEED; default: generated).")
  String hostSeed;

  @Option(
      names = "--cluster-seed",
      paramLabel = "SEED",
      description =
          "Cluster seed SC… signing invocations (env WASMCLOUD_CLUSTER_SEED; default: generated).")
  String clusterSeed;

  @Option(
      names = "--cluster-issuers",
      paramLabel = "KEYS",
      description =
          "More accepted cluster keys C…, comma-separated (env WASMCLOUD_CLUSTER_ISSUERS).")
  String clusterIssuers;

  @Option(
      names = "--ctl-host",
      paramLabel = "HOST",
      description = "Control NATS host (env WASMCLOUD_CTL_HOST).")
  String ctlHost;

  @Option(
      names = "--ctl-port",
      paramLabel = "PORT",
      description = "Control NATS port (env WASMCLOUD_CTL_PORT).")
  Integer ctlPort;

  @Option(
      names = "--ctl-jwt",
      paramLabel = "JWT",
      description = "Control user JWT (env WASMCLOUD_CTL_JWT).")
  String ctlJwt;

  @Option(
      names = "--ctl-seed",
      paramLabel = "SEED",
      description = "Control user seed (env WASMCLOUD_CTL_SEED).")
  String ctlSeed;

  @Option(
      names = "--ctl-credsfile",
      paramLabel = "FILE",
      description = "Control .creds file (env WASMCLOUD_CTL_CREDSFILE).")
  Path ctlCredsfile;

  @Option(
      names = "--ctl-tls",
      description = "Use TLS on the control connection (env WASMCLOUD_CTL_TLS).")
  Boolean ctlTls;

  @Option(
      names = "--rpc-host",
      paramLabel = "HOST",
      description = "RPC NATS host (env WASMCLOUD_RPC_HOST).")
  String rpcHost;

  @Option(
      names = "--rpc-port",
      paramLabel = "PORT",
      description = "RPC NATS port (env WASMCLOUD_RPC_PORT).")
  Integer rpcPort;

  @Option(
      names = "--rpc-jwt",
      paramLabel = "JWT",
      description = "RPC user JWT (env WASMCLOUD_RPC_JWT).")
  String rpcJwt;

  @Option(
      names = "--rpc-seed",
      paramLabel = "SEED",
      description = "RPC user seed (env WASMCLOUD_RPC_SEED).")
  String rpcSeed;

  @Option(
      names = "--rpc-credsfile",
      paramLabel = "FILE",
      description = "RPC .creds file (env WASMCLOUD_RPC_CREDSFILE).")
  Path rpcCredsfile;

  @Option(
      names = "--rpc-tls",
      description = "Use TLS on the RPC connection (env WASMCLOUD_RPC_TLS).")
  Boolean rpcTls;

  @Option(
      names = "--prov-rpc-host",
      paramLabel = "HOST",
      description = "NATS host for providers (env WASMCLOUD_PROV_RPC_HOST).")
  String provRpcHost;

  @Option(
      names = "--prov-rpc-port",
      paramLabel = "PORT",
      description = "NATS port for providers (env WASMCLOUD_PROV_RPC_PORT).")
  Integer provRpcPort;

  @Option(
      names = "--prov-rpc-jwt",
      paramLabel = "JWT",
      description = "Providers' user JWT (env WASMCLOUD_PROV_RPC_JWT).")
  String provRpcJwt;

  @Option(
      names = "--prov-rpc-seed",
      paramLabel = "SEED",
      description = "Providers' user seed (env WASMCLOUD_PROV_RPC_SEED).")
  String provRpcSeed;

  @Option(
      names = "--prov-rpc-credsfile",
      paramLabel = "FILE",
      description = "Providers' .creds file (env WASMCLOUD_PROV_RPC_CREDSFILE).")
  Path provRpcCredsfile;

  @Option(names = "--prov-rpc-tls", description = "Providers use TLS (env WASMCLOUD_PROV_RPC_TLS).")
  Boolean provRpcTls;

  @Option(
      names = "--rpc-timeout-ms",
      paramLabel = "MS",
      description = "RPC timeout of the host (env WASMCLOUD_RPC_TIMEOUT_MS; default 2000).")
  Long rpcTimeoutMs;

  @Option(
      names = "--wasmcloud-js-domain",
      paramLabel = "DOMAIN",
      description = "JetStream domain (env WASMCLOUD_JS_DOMAIN).")
  String jsDomain;

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VALUE",
      description = "A host label (repeatable); HOST_<NAME>=value variables add labels too.")
  List<String> labels;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description =
          "Host log level: error, warn, info, debug, trace (env WASMCLOUD_LOG_LEVEL; info).")
  String logLevel;

  HostSettings resolve(CommandContext ctx) {
    String nHost = text(natsHost, ctx, "NATS_HOST", "127.0.0.1");
    int nPort = port(natsPort, ctx, "NATS_PORT", 4222, "--nats-port");
    boolean connectOnly = natsConnectOnly || bool(null, ctx, "NATS_CONNECT_ONLY");
    String lattice = text(latticePrefix, ctx, "WASMCLOUD_LATTICE_PREFIX", Subjects.DEFAULT_LATTICE);
    try {
      Subjects.validateLatticePrefix(lattice);
    } catch (InvalidSubjectException e) {
      throw new CliException("failed to start the host: " + e.getMessage(), e);
    }
    String hSeed = text(hostSeed, ctx, "WASMCLOUD_HOST_SEED", null);
    KeyPair host =
        hSeed == null ? KeyPair.generate(KeyType.SERVER) : key(hSeed, KeyType.SERVER, "host seed");
    String cSeed = text(clusterSeed, ctx, "WASMCLOUD_CLUSTER_SEED", null);
    KeyPair cluster =
        cSeed == null
            ? KeyPair.generate(KeyType.CLUSTER)
            : key(cSeed, KeyType.CLUSTER, "cluster seed");
    String issuers = text(clusterIssuers, ctx, "WASMCLOUD_CLUSTER_ISSUERS", "");
    List<String> issuerList =
        Arrays.stream(issuers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    NatsEndpoint ctl =
        endpoint(
            ctx,
            "CTL",
            ctlHost,
            ctlPort,
            ctlJwt,
            ctlSeed,
            ctlCredsfile,
            ctlTls,
            nHost,
            nPort,
            null);
    NatsEndpoint rpc =
        endpoint(
            ctx,
            "RPC",
            rpcHost,
            rpcPort,
            rpcJwt,
            rpcSeed,
            rpcCredsfile,
            rpcTls,
            nHost,
            nPort,
            null);
    NatsEndpoint prov =
        endpoint(
            ctx,
            "PROV_RPC",
            provRpcHost,
            provRpcPort,
            provRpcJwt,
            provRpcSeed,
            provRpcCredsfile,
            provRpcTls,
            rpc.host(),
            rpc.port(),
            rpc);
    long timeout = number(rpcTimeoutMs, ctx, "WASMCLOUD_RPC_TIMEOUT_MS", 2_000, "--rpc-timeout-ms");
    if (timeout <= 0) {
      throw new CliException("failed to start the host: --rpc-timeout-ms must be positive");
    }
    return new HostSettings(
        nHost,
        nPort,
        connectOnly,
        lattice,
        host,
        cluster,
        cSeed == null,
        issuerList,
        ctl,
        rpc,
        prov,
        Duration.ofMillis(timeout),
        text(null, ctx, "WASMCLOUD_CTL_TOPIC_PREFIX", Subjects.DEFAULT_CTL_PREFIX),
        text(jsDomain, ctx, "WASMCLOUD_JS_DOMAIN", null),
        labels(ctx),
        text(logLevel, ctx, "WASMCLOUD_LOG_LEVEL", "info").toLowerCase(Locale.ROOT));
  }

  private Map<String, String> labels(CommandContext ctx) {
    Map<String, String> all = new LinkedHashMap<>();
    ctx.environment().variables().entrySet().stream()
        .filter(e -> e.getKey().startsWith("HOST_") && e.getKey().length() > 5)
        .filter(e -> !e.getKey().equals("HOST_CONFIG"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> all.put(e.getKey().substring(5).toLowerCase(Locale.ROOT), e.getValue()));
    all.putAll(Pairs.parse(labels, "label"));
    return all;
  }

  private static NatsEndpoint endpoint(
      CommandContext ctx,
      String kind,
      String host,
      Integer port,
      String jwt,
      String seed,
      Path creds,
      Boolean tls,
      String defaultHost,
      int defaultPort,
      NatsEndpoint defaultCredentials) {
    String env = "WASMCLOUD_" + kind + "_";
    String flag = "--" + kind.toLowerCase(Locale.ROOT).replace('_', '-') + "-";
    String j = text(jwt, ctx, env + "JWT", null);
    String s = text(seed, ctx, env + "SEED", null);
    String c = text(creds == null ? null : creds.toString(), ctx, env + "CREDSFILE", null);
    if (c != null && j == null && s == null) {
      CredsFile file = CredsFile.read(ctx.resolve(c));
      j = file.jwt();
      s = file.seed().reveal();
    }
    if (j == null && s == null && defaultCredentials != null) {
      j = defaultCredentials.jwt();
      s = defaultCredentials.seed().reveal();
    }
    return new NatsEndpoint(
        text(host, ctx, env + "HOST", defaultHost),
        port(port, ctx, env + "PORT", defaultPort, flag + "port"),
        j,
        Secret.of(s),
        bool(tls, ctx, env + "TLS"));
  }

  private static KeyPair key(String seed, KeyType type, String what) {
    KeyPair key;
    try {
      key = KeyPair.fromSeed(seed.strip());
    } catch (KeyException e) {
      throw new CliException("failed to start the host: the " + what + " is not a valid seed", e);
    }
    if (key.type() != type) {
      throw new CliException(
          "failed to start the host: the "
              + what
              + " is a "
              + key.type().name().toLowerCase(Locale.ROOT)
              + " seed; it must start with S"
              + (type == KeyType.SERVER ? "N" : "C"));
    }
    return key;
  }

  private static String text(String flag, CommandContext ctx, String variable, String fallback) {
    if (flag != null) {
      return flag;
    }
    String value = ctx.variable(variable);
    return value != null ? value : fallback;
  }

  private static boolean bool(Boolean flag, CommandContext ctx, String variable) {
    if (flag != null) {
      return flag;
    }
    String value = ctx.variable(variable);
    return value != null && TRUE.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  private static int port(
      Integer flag, CommandContext ctx, String variable, int fallback, String what) {
    long port = number(flag == null ? null : flag.longValue(), ctx, variable, fallback, what);
    if (port < 1 || port > 65_535) {
      throw new CliException("failed to start the host: " + what + " must be 1–65535, got " + port);
    }
    return (int) port;
  }

  private static long number(
      Long flag, CommandContext ctx, String variable, long fallback, String what) {
    if (flag != null) {
      return flag;
    }
    String value = ctx.variable(variable);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new CliException(
          "failed to read " + variable + " (" + what + "): '" + value + "' is not a number", e);
    }
  }
}
