package dev.trellis.cli.host;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.NatsEndpoint;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code trellis up} needs to run a host, resolved flag → environment variable → default
 * ({@link UpOptions#resolve}). Keys and seeds are held as key pairs and {@code Secret}s, so this
 * record prints no secret.
 *
 * @param natsHost where the NATS server is (or is started): {@code --nats-host}
 * @param natsPort its client port: {@code --nats-port}
 * @param natsConnectOnly never start a NATS server
 * @param latticePrefix the lattice
 * @param hostKey the host's server key ({@code N…})
 * @param clusterKey the cluster key signing invocations ({@code C…})
 * @param clusterSeedGenerated whether the cluster key was generated (not configured)
 * @param clusterIssuers further accepted cluster keys
 * @param ctl the control connection
 * @param rpc the RPC connection
 * @param provRpc what providers are told about NATS
 * @param rpcTimeout the host's RPC timeout
 * @param ctlTopicPrefix the control topic prefix
 * @param jsDomain the JetStream domain, or null
 * @param labels the host labels from {@code HOST_*} and {@code --label}
 * @param logLevel the host's log level
 */
record HostSettings(
    String natsHost,
    int natsPort,
    boolean natsConnectOnly,
    String latticePrefix,
    KeyPair hostKey,
    KeyPair clusterKey,
    boolean clusterSeedGenerated,
    List<String> clusterIssuers,
    NatsEndpoint ctl,
    NatsEndpoint rpc,
    NatsEndpoint provRpc,
    Duration rpcTimeout,
    String ctlTopicPrefix,
    String jsDomain,
    Map<String, String> labels,
    String logLevel) {

  HostSettings {
    Objects.requireNonNull(natsHost, "natsHost");
    Objects.requireNonNull(latticePrefix, "latticePrefix");
    Objects.requireNonNull(hostKey, "hostKey");
    Objects.requireNonNull(clusterKey, "clusterKey");
    clusterIssuers = List.copyOf(clusterIssuers);
    Objects.requireNonNull(ctl, "ctl");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(provRpc, "provRpc");
    Objects.requireNonNull(rpcTimeout, "rpcTimeout");
    Objects.requireNonNull(ctlTopicPrefix, "ctlTopicPrefix");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(logLevel, "logLevel");
  }

  /**
   * A host with fresh keys on the local NATS server {@code host:port}, every other setting at its
   * default (the demo's host).
   */
  static HostSettings local(String host, int port, String lattice, String logLevel) {
    NatsEndpoint endpoint = new NatsEndpoint(host, port, "", Secret.empty(), false);
    return new HostSettings(
        host,
        port,
        true,
        lattice,
        KeyPair.generate(KeyType.SERVER),
        KeyPair.generate(KeyType.CLUSTER),
        true,
        List.of(),
        endpoint,
        endpoint,
        endpoint,
        Duration.ofSeconds(2),
        Subjects.DEFAULT_CTL_PREFIX,
        null,
        Map.of(),
        logLevel);
  }

  /** {@code host:port} of an endpoint. */
  static String address(NatsEndpoint endpoint) {
    String host = endpoint.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + endpoint.port();
  }

  /** The NATS server's {@code host:port}. */
  String natsAddress() {
    return (natsHost.contains(":") ? "[" + natsHost + "]" : natsHost) + ":" + natsPort;
  }
}
