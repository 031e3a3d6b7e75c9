package dev.trellis.cli.context;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.interfaces.InvalidSubjectException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * wash's control-connection options (ConnectionOpts, controlplane §8.1), for the control-plane
 * commands to mix in with {@code @Mixin CtlOptions ctl;} and turn into a {@link CtlConnection} with
 * {@link #resolve}. Each value comes from the flag, else its environment variable, else the context
 * ({@code --context}, else the default context), else wash's default.
 *
 * <table>
 *   <caption>Flags and variables</caption>
 *   <tr><th>flag</th><th>variable</th><th>context field</th></tr>
 *   <tr><td>-r/--ctl-host</td><td>WASMCLOUD_CTL_HOST</td><td>ctl_host</td></tr>
 *   <tr><td>-p/--ctl-port</td><td>WASMCLOUD_CTL_PORT</td><td>ctl_port</td></tr>
 *   <tr><td>--ctl-jwt</td><td>WASMCLOUD_CTL_JWT</td><td>ctl_jwt</td></tr>
 *   <tr><td>--ctl-seed</td><td>WASMCLOUD_CTL_SEED</td><td>ctl_seed</td></tr>
 *   <tr><td>--ctl-credsfile</td><td>WASH_CTL_CREDS</td><td>ctl_credsfile</td></tr>
 *   <tr><td>-x/--lattice-prefix</td><td>WASMCLOUD_LATTICE_PREFIX</td><td>lattice_prefix</td></tr>
 *   <tr><td>-t/--timeout-ms</td><td>WASMCLOUD_CTL_TIMEOUT_MS</td><td>ctl_timeout</td></tr>
 *   <tr><td>--js-domain</td><td>WASMCLOUD_JS_DOMAIN</td><td>js_domain</td></tr>
 *   <tr><td>(none)</td><td>WASMCLOUD_CTL_TOPIC_PREFIX</td><td>(none)</td></tr>
 * </table>
 *
 * <p>{@code --context} takes a context name, or the path of a context file (wash 0.1x took a path).
 */
public final class CtlOptions {
  @Option(
      names = {"-r", "--ctl-host"},
      paramLabel = "HOST",
      description = "Control-interface NATS host (env WASMCLOUD_CTL_HOST; default 127.0.0.1).")
  String ctlHost;

  @Option(
      names = {"-p", "--ctl-port"},
      paramLabel = "PORT",
      description = "Control-interface NATS port (env WASMCLOUD_CTL_PORT; default 4222).")
  Integer ctlPort;

  @Option(
      names = "--ctl-jwt",
      paramLabel = "JWT",
      description = "User JWT for the control connection (env WASMCLOUD_CTL_JWT).")
  String ctlJwt;

  @Option(
      names = "--ctl-seed",
      paramLabel = "SEED",
      description = "User seed for the control connection (env WASMCLOUD_CTL_SEED).")
  String ctlSeed;

  @Option(
      names = "--ctl-credsfile",
      paramLabel = "FILE",
      description = "NATS .creds file for the control connection (env WASH_CTL_CREDS).")
  Path ctlCredsfile;

  @Option(
      names = {"-x", "--lattice-prefix"},
      paramLabel = "PREFIX",
      description = "Lattice prefix (env WASMCLOUD_LATTICE_PREFIX; default 'default').")
  String latticePrefix;

  @Option(
      names = {"-t", "--timeout-ms"},
      paramLabel = "MS",
      description = "Request timeout in ms (env WASMCLOUD_CTL_TIMEOUT_MS; default 2000).")
  Long timeoutMs;

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

  /** Whether {@code -t/--timeout-ms} (or its variable) was given, for commands with own waits. */
  public boolean timeoutGiven(CommandContext ctx) {
    return timeoutMs != null || ctx.variable("WASMCLOUD_CTL_TIMEOUT_MS") != null;
  }

  /**
   * The connection settings: flag, else variable, else context, else default.
   *
   * @throws CliException for an unknown context, a bad number or a bad lattice prefix
   */
  public CtlConnection resolve(CommandContext ctx) {
    ContextStore store =
        new ContextStore(ctx.home().contextsDirectory(null), ctx.home().hostConfigFile());
    Context base = selectContext(ctx, store, context);
    String host = pick(ctlHost, ctx.variable("WASMCLOUD_CTL_HOST"), base.ctlHost());
    int port =
        (int)
            pickNumber(
                ctlPort == null ? null : ctlPort.longValue(),
                ctx,
                "WASMCLOUD_CTL_PORT",
                base.ctlPort(),
                "-p/--ctl-port");
    String jwt = fileOrValue(ctx, pick(ctlJwt, ctx.variable("WASMCLOUD_CTL_JWT"), base.ctlJwt()));
    String seed =
        fileOrValue(
            ctx, pick(ctlSeed, ctx.variable("WASMCLOUD_CTL_SEED"), base.ctlSeed().reveal()));
    String creds =
        pick(
            ctlCredsfile == null ? null : ctlCredsfile.toString(),
            ctx.variable("WASH_CTL_CREDS"),
            base.ctlCredsfile());
    String lattice =
        pick(latticePrefix, ctx.variable("WASMCLOUD_LATTICE_PREFIX"), base.latticePrefix());
    long timeout =
        pickNumber(
            timeoutMs, ctx, "WASMCLOUD_CTL_TIMEOUT_MS", base.ctlTimeoutMs(), "-t/--timeout-ms");
    String domain = pick(jsDomain, ctx.variable("WASMCLOUD_JS_DOMAIN"), base.jsDomain());
    String topicPrefix =
        pick(null, ctx.variable("WASMCLOUD_CTL_TOPIC_PREFIX"), Subjects.DEFAULT_CTL_PREFIX);
    try {
      Subjects.validateLatticePrefix(lattice);
    } catch (InvalidSubjectException e) {
      throw new CliException("failed to resolve the lattice prefix: " + e.getMessage(), e);
    }
    if (port < 1 || port > 65_535 || timeout <= 0) {
      throw new CliException(
          "failed to resolve the control connection: port must be 1–65535 and the timeout"
              + " positive (got port "
              + port
              + ", timeout "
              + timeout
              + " ms)");
    }
    return new CtlConnection(
        host,
        port,
        jwt,
        Secret.of(seed),
        creds == null ? null : ctx.resolve(creds),
        lattice,
        Duration.ofMillis(timeout),
        topicPrefix,
        domain,
        base);
  }

  /** The context named by {@code --context} (a name or a file), else the default context. */
  static Context selectContext(CommandContext ctx, ContextStore store, String context) {
    if (context == null) {
      return store.resolveDefault();
    }
    Path file = ctx.resolve(context);
    if (Files.isRegularFile(file) && !store.exists(context)) {
      return ContextStore.loadFile(file);
    }
    if (context.equals(Context.HOST_CONFIG)) {
      store.refreshHostConfig();
    }
    return store.load(context);
  }

  /** As in wash, a JWT or seed argument may name a file holding it. */
  static String fileOrValue(CommandContext ctx, String value) {
    if (value == null || value.isBlank() || value.length() > 4096) {
      return value;
    }
    try {
      Path file = ctx.resolve(value);
      return Files.isRegularFile(file) ? Files.readString(file).strip() : value;
    } catch (IOException | InvalidPathException e) {
      return value;
    }
  }

  static String pick(String flag, String variable, String fallback) {
    if (flag != null) {
      return flag;
    }
    return variable != null ? variable : fallback;
  }

  static long pickNumber(
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
