package dev.trellis.cli.context;

import dev.trellis.interfaces.Secret;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Resolved settings of an RPC connection, what {@link RpcOptions#resolve} gives {@code call}.
 *
 * @param host NATS host
 * @param port NATS port
 * @param jwt user JWT, or {@code null}
 * @param seed user seed (empty when none)
 * @param credsFile {@code .creds} file, or {@code null}
 * @param latticePrefix the lattice (validated)
 * @param timeout how long an invocation waits for its reply
 * @param jsDomain the JetStream domain, or {@code null}
 * @param clusterSeed the cluster seed that signs invocations (empty when none was found)
 * @param clusterSeedSource where the cluster seed came from, for messages (never the seed)
 */
public record RpcConnection(
    String host,
    int port,
    String jwt,
    Secret seed,
    Path credsFile,
    String latticePrefix,
    Duration timeout,
    String jsDomain,
    Secret clusterSeed,
    String clusterSeedSource) {

  public RpcConnection {
    Objects.requireNonNull(host, "host");
    seed = seed == null ? Secret.empty() : seed;
    Objects.requireNonNull(latticePrefix, "latticePrefix");
    Objects.requireNonNull(timeout, "timeout");
    clusterSeed = clusterSeed == null ? Secret.empty() : clusterSeed;
    clusterSeedSource = clusterSeedSource == null ? "" : clusterSeedSource;
  }

  /** {@code host:port}. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The NATS client settings of this connection (controlplane §5.4 authentication). */
  public NatsConfig toNatsConfig() {
    NatsConfigBuilder builder =
        NatsConfig.builder().addUrl(address()).withConnectionName("trellis-cli-rpc");
    if (jwt != null && !jwt.isBlank()) {
      builder.withUserJwt(jwt, seed.reveal());
    } else if (!seed.isEmpty()) {
      builder.withSeed(seed.reveal());
    } else if (credsFile != null) {
      builder.withCredsFile(credsFile);
    }
    if (jsDomain != null && !jsDomain.isBlank()) {
      builder.withJsDomain(jsDomain);
    }
    return builder.build();
  }
}
