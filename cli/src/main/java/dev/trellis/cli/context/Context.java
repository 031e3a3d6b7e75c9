package dev.trellis.cli.context;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import java.util.Objects;

/**
 * A wash context (controlplane §8.1): how to reach one lattice, stored as {@code <name>.json} in
 * the contexts directory. Field names on disk are wash 0.18's ({@link ContextJson}). Seeds are
 * {@link Secret}s, so a context can be printed or logged safely.
 *
 * @param name the context's name (its file stem)
 * @param clusterSeed the cluster seed ({@code SC…}) signing invocations, e.g. for {@code call}
 * @param ctlHost control-interface NATS host
 * @param ctlPort control-interface NATS port
 * @param ctlJwt user JWT for the control connection, or {@code null}
 * @param ctlSeed user seed for the control connection (empty when none)
 * @param ctlCredsfile {@code .creds} file for the control connection, or {@code null}
 * @param ctlTimeoutMs how long control requests wait, in milliseconds
 * @param latticePrefix the lattice
 * @param jsDomain the JetStream domain, or {@code null}
 * @param rpcHost RPC NATS host
 * @param rpcPort RPC NATS port
 * @param rpcJwt user JWT for the RPC connection, or {@code null}
 * @param rpcSeed user seed for the RPC connection (empty when none)
 * @param rpcCredsfile {@code .creds} file for the RPC connection, or {@code null}
 * @param rpcTimeoutMs how long RPC requests wait, in milliseconds
 */
public record Context(
    String name,
    Secret clusterSeed,
    String ctlHost,
    int ctlPort,
    String ctlJwt,
    Secret ctlSeed,
    String ctlCredsfile,
    long ctlTimeoutMs,
    String latticePrefix,
    String jsDomain,
    String rpcHost,
    int rpcPort,
    String rpcJwt,
    Secret rpcSeed,
    String rpcCredsfile,
    long rpcTimeoutMs) {

  /** wash's default NATS host. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** wash's default NATS port. */
  public static final int DEFAULT_PORT = 4222;

  /** wash's default timeout for control and RPC requests, in milliseconds. */
  public static final long DEFAULT_TIMEOUT_MS = 2_000;

  /** The name of the context regenerated from the host's {@code host_config.json}. */
  public static final String HOST_CONFIG = "host_config";

  public Context {
    Objects.requireNonNull(name, "name");
    clusterSeed = clusterSeed == null ? Secret.empty() : clusterSeed;
    ctlSeed = ctlSeed == null ? Secret.empty() : ctlSeed;
    rpcSeed = rpcSeed == null ? Secret.empty() : rpcSeed;
    Objects.requireNonNull(ctlHost, "ctlHost");
    Objects.requireNonNull(rpcHost, "rpcHost");
    Objects.requireNonNull(latticePrefix, "latticePrefix");
    checkPort(ctlPort, "ctl_port");
    checkPort(rpcPort, "rpc_port");
    checkTimeout(ctlTimeoutMs, "ctl_timeout");
    checkTimeout(rpcTimeoutMs, "rpc_timeout");
  }

  /** A context named {@code name} with wash's defaults: local NATS, lattice {@code default}. */
  public static Context defaults(String name) {
    return new Context(
        name,
        Secret.empty(),
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        Secret.empty(),
        null,
        DEFAULT_TIMEOUT_MS,
        Subjects.DEFAULT_LATTICE,
        null,
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        Secret.empty(),
        null,
        DEFAULT_TIMEOUT_MS);
  }

  /** A copy under another name. */
  public Context withName(String newName) {
    return new Context(
        newName,
        clusterSeed,
        ctlHost,
        ctlPort,
        ctlJwt,
        ctlSeed,
        ctlCredsfile,
        ctlTimeoutMs,
        latticePrefix,
        jsDomain,
        rpcHost,
        rpcPort,
        rpcJwt,
        rpcSeed,
        rpcCredsfile,
        rpcTimeoutMs);
  }

  private static void checkPort(int port, String field) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(field + " must be 1–65535, got " + port);
    }
  }

  private static void checkTimeout(long millis, String field) {
    if (millis <= 0) {
      throw new IllegalArgumentException(field + " must be a positive number of ms, got " + millis);
    }
  }
}
