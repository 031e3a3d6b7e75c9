package dev.trellis.cli.context;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.InvalidSubjectException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.HostConfigFile;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.HostConfigFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * wash {@code call}'s RPC-connection options (controlplane §8.3), resolved like {@link CtlOptions}:
 * flag, else variable, else context, else default. The cluster seed has one more fallback: the
 * host's {@code host_config.json}, which {@code trellis up} writes with its cluster seed so that
 * {@code call} works with no flags.
 *
 * <table>
 *   <caption>Flags and variables</caption>
 *   <tr><th>flag</th><th>variable</th><th>context field</th></tr>
 *   <tr><td>-r/--rpc-host</td><td>WASMCLOUD_RPC_HOST</td><td>rpc_host</td></tr>
 *   <tr><td>-p/--rpc-port</td><td>WASMCLOUD_RPC_PORT</td><td>rpc_port</td></tr>
 *   <tr><td>--rpc-jwt</td><td>WASMCLOUD_RPC_JWT</td><td>rpc_jwt</td></tr>
 *   <tr><td>--rpc-seed</td><td>WASMCLOUD_RPC_SEED</td><td>rpc_seed</td></tr>
 *   <tr><td>--rpc-credsfile</td><td>WASH_RPC_CREDS</td><td>rpc_credsfile</td></tr>
 *   <tr><td>-x/--lattice-prefix</td><td>WASMCLOUD_LATTICE_PREFIX</td><td>lattice_prefix</td></tr>
 *   <tr><td>-t/--rpc-timeout-ms</td><td>WASMCLOUD_RPC_TIMEOUT_MS</td><td>rpc_timeout</td></tr>
 *   <tr><td>-c/--cluster-seed</td><td>WASMCLOUD_CLUSTER_SEED</td><td>cluster_seed</td></tr>
 *   <tr><td>--js-domain</td><td>WASMCLOUD_JS_DOMAIN</td><td>js_domain</td></tr>
 * </table>
 */
public final class RpcOptions {
  @Option(
      names = {"-r", "--rpc-host"},
      paramLabel = "HOST",
      description = "RPC NATS host (env WASMCLOUD_RPC_HOST; default 127.0.0.1).")
  String rpcHost;

  @Option(
      names = {"-p", "--rpc-port"},
      paramLabel = "PORT",
      description = "RPC NATS port (env WASMCLOUD_RPC_PORT; default 4222).")
  Integer rpcPort;

  @Option(
      names = "--rpc-jwt",
      paramLabel = "JWT",
      description = "User JWT for the RPC connection (env WASMCLOUD_RPC_JWT).")
  String rpcJwt;

  @Option(
      names = "--rpc-seed",
      paramLabel = "SEED",
      description = "User seed for the RPC connection (env WASMCLOUD_RPC_SEED).")
  String rpcSeed;

  @Option(
      names = "--rpc-credsfile",
      paramLabel = "FILE",
      description = "NATS .creds file for the RPC connection (env WASH_RPC_CREDS).")
  Path rpcCredsfile;

  @Option(
      names = {"-x", "--lattice-prefix"},
      paramLabel = "PREFIX",
      description = "Lattice prefix (env WASMCLOUD_LATTICE_PREFIX; default 'default').")
  String latticePrefix;

  @Option(
      names = {"-t", "--rpc-timeout-ms"},
      paramLabel = "MS",
      description = "How long to wait for the reply, in ms (env WASMCLOUD_RPC_TIMEOUT_MS; 2000).")
  Long timeoutMs;

  @Option(
      names = {"-c", "--cluster-seed"},
      paramLabel = "SEED",
      description =
          "Cluster seed (SC…) signing the invocation (env WASMCLOUD_CLUSTER_SEED; default: the"
              + " context's, else the one 'trellis up' wrote to host_config.json).")
  String clusterSeed;

  @Option(
      names = "--js-domain",
      paramLabel = "DOMAIN",
      description = "JetStream domain (env WASMCLOUD_JS_DOMAIN).")
  String jsDomain;

  @Option(
      names = "--context",
      paramLabel = "NAME|FILE",
      description = "Context to take unset values from (default: the default context).")
  String context;

  /**
   * The connection settings.
   *
   * @throws CliException for an unknown context, a bad number or a bad lattice prefix
   */
  public RpcConnection resolve(CommandContext ctx) {
    Path hostConfig = ctx.home().hostConfigFile();
    ContextStore store = new ContextStore(ctx.home().contextsDirectory(null), hostConfig);
    Context base = CtlOptions.selectContext(ctx, store, context);
    String host = CtlOptions.pick(rpcHost, ctx.variable("WASMCLOUD_RPC_HOST"), base.rpcHost());
    int port =
        (int)
            CtlOptions.pickNumber(
                rpcPort == null ? null : rpcPort.longValue(),
                ctx,
                "WASMCLOUD_RPC_PORT",
                base.rpcPort(),
                "-p/--rpc-port");
    String jwt =
        CtlOptions.fileOrValue(
            ctx, CtlOptions.pick(rpcJwt, ctx.variable("WASMCLOUD_RPC_JWT"), base.rpcJwt()));
    String seed =
        CtlOptions.fileOrValue(
            ctx,
            CtlOptions.pick(rpcSeed, ctx.variable("WASMCLOUD_RPC_SEED"), base.rpcSeed().reveal()));
    String creds =
        CtlOptions.pick(
            rpcCredsfile == null ? null : rpcCredsfile.toString(),
            ctx.variable("WASH_RPC_CREDS"),
            base.rpcCredsfile());
    String lattice =
        CtlOptions.pick(
            latticePrefix, ctx.variable("WASMCLOUD_LATTICE_PREFIX"), base.latticePrefix());
    long timeout =
        CtlOptions.pickNumber(
            timeoutMs, ctx, "WASMCLOUD_RPC_TIMEOUT_MS", base.rpcTimeoutMs(), "-t/--rpc-timeout-ms");
    String domain = CtlOptions.pick(jsDomain, ctx.variable("WASMCLOUD_JS_DOMAIN"), base.jsDomain());
    try {
      Subjects.validateLatticePrefix(lattice);
    } catch (InvalidSubjectException e) {
      throw new CliException("failed to resolve the lattice prefix: " + e.getMessage(), e);
    }
    if (port < 1 || port > 65_535 || timeout <= 0) {
      throw new CliException(
          "failed to resolve the RPC connection: port must be 1–65535 and the timeout positive"
              + " (got port "
              + port
              + ", timeout "
              + timeout
              + " ms)");
    }
    String[] source = new String[1];
    Secret cluster = clusterSeed(ctx, base, hostConfig, source);
    return new RpcConnection(
        host,
        port,
        jwt,
        Secret.of(seed),
        creds == null ? null : ctx.resolve(creds),
        lattice,
        Duration.ofMillis(timeout),
        domain,
        cluster,
        source[0]);
  }

  private Secret clusterSeed(CommandContext ctx, Context base, Path hostConfig, String[] source) {
    if (clusterSeed != null) {
      source[0] = "-c/--cluster-seed";
      return Secret.of(CtlOptions.fileOrValue(ctx, clusterSeed));
    }
    String variable = ctx.variable("WASMCLOUD_CLUSTER_SEED");
    if (variable != null) {
      source[0] = "WASMCLOUD_CLUSTER_SEED";
      return Secret.of(variable);
    }
    if (!base.clusterSeed().isEmpty()) {
      source[0] = "context '" + base.name() + "'";
      return base.clusterSeed();
    }
    if (Files.isRegularFile(hostConfig)) {
      try {
        HostConfigFile file = HostConfigFileCodec.read(hostConfig);
        source[0] = hostConfig.toString();
        return file.clusterSeed();
      } catch (HostConfigFileException | DecodeException e) {
        return Secret.empty();
      }
    }
    return Secret.empty();
  }
}
