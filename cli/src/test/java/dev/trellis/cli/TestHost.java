package dev.trellis.cli;

import dev.trellis.host.HostConfig;
import dev.trellis.host.LatticeHost;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real host in the test's lattice, on the test class's nats-server, and a CLI sandbox whose
 * environment points every command at it (control and RPC port, lattice, cluster seed), as a user's
 * shell would after exporting wash's variables.
 */
public final class TestHost implements AutoCloseable {
  private final NatsFixture nats;
  private final Lattice lattice;
  private final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  private final LatticeHost host;

  private TestHost(NatsFixture nats, Lattice lattice, Path cache) {
    this.nats = nats;
    this.lattice = lattice;
    HostConfig config =
        HostConfig.builder()
            .withLatticePrefix(lattice.prefix())
            .withClusterKey(cluster)
            .addLabel("zone", "east")
            .build();
    this.host =
        LatticeHost.start(
            config,
            nats.connect(),
            nats.connect(),
            SupervisorConfig.defaults("127.0.0.1:" + nats.port())
                .withHealth(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .withCacheDir(cache));
  }

  /** Starts a host in {@code lattice}; provider binaries are extracted under {@code cache}. */
  public static TestHost start(NatsFixture nats, Lattice lattice, Path cache) {
    return new TestHost(nats, lattice, cache);
  }

  public LatticeHost lattice() {
    return host;
  }

  public String hostId() {
    return host.host().hostId();
  }

  public KeyPair cluster() {
    return cluster;
  }

  public String prefix() {
    return lattice.prefix();
  }

  /** A CLI sandbox under {@code root} whose variables point at this host. */
  public CliRun cli(Path root) {
    return CliRun.in(root)
        .env("WASMCLOUD_CTL_PORT", Integer.toString(nats.port()))
        .env("WASMCLOUD_RPC_PORT", Integer.toString(nats.port()))
        .env("WASMCLOUD_LATTICE_PREFIX", lattice.prefix())
        .env("WASMCLOUD_CLUSTER_SEED", cluster.seed().reveal());
  }

  @Override
  public void close() {
    host.close();
  }
}
