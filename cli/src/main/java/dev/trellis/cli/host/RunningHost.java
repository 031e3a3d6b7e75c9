package dev.trellis.cli.host;

import dev.trellis.cli.CliException;
import dev.trellis.cli.lattice.NatsConnect;
import dev.trellis.host.HostConfig;
import dev.trellis.host.LatticeHost;
import dev.trellis.host.provider.RestartPolicy;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.TrellisException;
import dev.trellis.interfaces.control.HostConfigFile;
import dev.trellis.interfaces.control.NatsEndpoint;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A host running in this process: its control and RPC connections (two, as the architecture asks,
 * even to one server), the {@link LatticeHost}, and the nats-server it started, if any. {@link
 * #close} stops them in that order: the host (actors, providers, {@code host_stopped}), the
 * connections, then NATS.
 */
final class RunningHost implements AutoCloseable {
  private final HostSettings settings;
  private final Connection ctl;
  private final Connection rpc;
  private final LatticeHost lattice;
  private final LocalNats nats;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningHost(
      HostSettings settings, Connection ctl, Connection rpc, LatticeHost lattice, LocalNats nats) {
    this.settings = settings;
    this.ctl = ctl;
    this.rpc = rpc;
    this.lattice = lattice;
    this.nats = nats;
  }

  /**
   * Connects and starts the host; on failure closes what was opened, {@code nats} included.
   *
   * @param nats the server started for this host, or null
   * @param providerCache where binaries from provider archives are extracted
   */
  static RunningHost start(HostSettings settings, LocalNats nats, Path providerCache) {
    Connection ctl = null;
    Connection rpc = null;
    try {
      ctl = connect(settings.ctl(), "ctl", settings.jsDomain());
      rpc = connect(settings.rpc(), "rpc", settings.jsDomain());
      LatticeHost lattice =
          LatticeHost.start(config(settings), ctl, rpc, supervisor(settings, providerCache));
      return new RunningHost(settings, ctl, rpc, lattice, nats);
    } catch (RuntimeException e) {
      closeQuietly(ctl);
      closeQuietly(rpc);
      if (nats != null) {
        nats.close();
      }
      if (e instanceof CliException) {
        throw e;
      }
      String cause = e instanceof TrellisException ? e.getMessage() : e.toString();
      throw new CliException(
          "failed to start the host in lattice '"
              + settings.latticePrefix()
              + "': "
              + cause
              + "; the NATS server needs JetStream (nats-server -js)",
          e);
    }
  }

  static HostConfig config(HostSettings s) {
    HostConfig.Builder builder =
        HostConfig.builder()
            .withLatticePrefix(s.latticePrefix())
            .withHostKey(s.hostKey())
            .withClusterKey(s.clusterKey())
            .withRpcTimeout(s.rpcTimeout())
            .withCtlPrefix(s.ctlTopicPrefix())
            .withJsDomain(s.jsDomain())
            .withNatsHosts(
                new HostConfig.NatsHosts(s.ctl().host(), s.rpc().host(), s.provRpc().host()));
    s.clusterIssuers().forEach(builder::addClusterIssuer);
    s.labels().forEach(builder::addLabel);
    return builder.build();
  }

  private static SupervisorConfig supervisor(HostSettings s, Path cache) {
    SupervisorConfig defaults = SupervisorConfig.defaults(HostSettings.address(s.provRpc()));
    return new SupervisorConfig(
        defaults.providerNatsUrl(),
        s.provRpc().jwt(),
        s.provRpc().seed(),
        s.provRpc().tls(),
        s.jsDomain(),
        s.logLevel(),
        defaults.healthGrace(),
        defaults.healthInterval(),
        defaults.shutdownTimeout(),
        defaults.stopGrace(),
        RestartPolicy.DEFAULT,
        cache);
  }

  private static Connection connect(NatsEndpoint endpoint, String name, String jsDomain) {
    String address = HostSettings.address(endpoint);
    NatsConfigBuilder builder =
        NatsConfig.builder().addUrl(address).withConnectionName("trellis-host-" + name);
    if (!endpoint.jwt().isBlank()) {
      builder.withUserJwt(endpoint.jwt(), endpoint.seed().reveal());
    } else if (!endpoint.seed().isEmpty()) {
      builder.withSeed(endpoint.seed().reveal());
    }
    builder.withTls(endpoint.tls());
    if (jsDomain != null) {
      builder.withJsDomain(jsDomain);
    }
    HostNatsListener listener = new HostNatsListener(name);
    return NatsConnect.open(
        builder.build(),
        address,
        listener,
        listener,
        "start nats-server there (with -js), or drop --nats-connect-only so that 'trellis up'"
            + " starts one");
  }

  /** The effective configuration as {@code host_config.json} holds it (controlplane §5.3). */
  HostConfigFile configFile() {
    HostConfig config = lattice.host().config();
    return HostConfigFile.builder()
        .withLatticePrefix(settings.latticePrefix())
        .withCtl(settings.ctl())
        .withCtlTopicPrefix(settings.ctlTopicPrefix())
        .withRpc(settings.rpc())
        .withRpcTimeoutMs(settings.rpcTimeout().toMillis())
        .withProvRpc(settings.provRpc())
        .withClusterSeed(Secret.of(settings.clusterKey().seed().reveal()))
        .withClusterKey(settings.clusterKey().publicKey())
        .withClusterIssuers(config.clusterIssuers())
        .withJsDomain(settings.jsDomain())
        .build();
  }

  LatticeHost lattice() {
    return lattice;
  }

  String hostId() {
    return lattice.host().hostId();
  }

  String friendlyName() {
    return lattice.host().config().friendlyName();
  }

  HostSettings settings() {
    return settings;
  }

  /** The nats-server this host started, or null. */
  LocalNats nats() {
    return nats;
  }

  /** Blocks until the host stopped (a {@code stop host} command, or {@link #close}). */
  void awaitStopped() throws InterruptedException {
    while (!lattice.awaitStopped(Duration.ofHours(1))) {
      // keep waiting
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      lattice.close();
    } finally {
      closeQuietly(ctl);
      closeQuietly(rpc);
      if (nats != null) {
        nats.close();
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
