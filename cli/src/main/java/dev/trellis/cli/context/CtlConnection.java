package dev.trellis.cli.context;

import dev.trellis.interfaces.Secret;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Resolved settings of a control-interface connection, what {@link CtlOptions#resolve} gives the
 * control-plane commands.
 *
 * @param host NATS host
 * @param port NATS port
 * @param jwt user JWT, or {@code null}
 * @param seed user seed (empty when none)
 * @param credsFile {@code .creds} file, or {@code null}
 * @param latticePrefix the lattice (validated)
 * @param timeout how long a control request waits
 * @param topicPrefix the control-interface subject prefix ({@code wasmbus.ctl} unless changed)
 * @param jsDomain the JetStream domain, or {@code null}
 * @param context the context the values not given on the command line came from
 */
public record CtlConnection(
    String host,
    int port,
    String jwt,
    Secret seed,
    Path credsFile,
    String latticePrefix,
    Duration timeout,
    String topicPrefix,
    String jsDomain,
    Context context) {

  public CtlConnection {
    Objects.requireNonNull(host, "host");
    seed = seed == null ? Secret.empty() : seed;
    Objects.requireNonNull(latticePrefix, "latticePrefix");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(context, "context");
  }

  /** {@code host:port}. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The NATS client settings of this connection (controlplane §5.4 authentication). */
  public NatsConfig toNatsConfig() {
    NatsConfigBuilder builder =
        NatsConfig.builder().addUrl(address()).withConnectionName("trellis-cli");
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
