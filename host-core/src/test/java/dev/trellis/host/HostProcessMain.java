package dev.trellis.host;

import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.nats.NatsConfig;
import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A host in its own JVM, for tests that must kill a host with SIGKILL: joins the lattice, starts
 * one actor, prints {@code READY <host id>} and runs until it is killed.
 *
 * <p>Arguments: nats url, lattice prefix, cluster seed, actor module path.
 */
public final class HostProcessMain {
  private HostProcessMain() {}

  public static void main(String[] args) throws Exception {
    Connection nc = NatsConfig.builder().addUrl(args[0]).build().connect();
    HostConfig config =
        HostConfig.builder()
            .withLatticePrefix(args[1])
            .withClusterKey(KeyPair.fromSeed(args[2]))
            .build();
    LatticeHost lattice =
        LatticeHost.start(config, nc, nc, SupervisorConfig.defaults(Host.natsAddress(nc)));
    Host host = lattice.host();
    host.startActor(
        Files.readAllBytes(Path.of(args[3])), host.defaultActorOptions(), args[3], Map.of());
    System.out.println("READY " + host.hostId());
    System.out.flush();
    lattice.awaitStopped(java.time.Duration.ofDays(1));
  }
}
