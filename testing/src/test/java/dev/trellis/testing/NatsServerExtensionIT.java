package dev.trellis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@WithNats
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatsServerExtensionIT {
  private static Lattice firstTestsLattice;
  private static Connection firstTestsConnection;
  private static long serverPid;

  private Lattice latticeSeenByBeforeEach;

  @BeforeEach
  void rememberLattice(Lattice lattice) {
    latticeSeenByBeforeEach = lattice;
  }

  @Test
  @Order(1)
  void aTestGetsOneLatticeAndConnectionsToTheClassServer(
      Lattice lattice, NatsFixture nats, NatsServer server) {
    firstTestsLattice = lattice;
    firstTestsConnection = nats.connect();
    serverPid = server.pid();

    assertThat(lattice).isEqualTo(latticeSeenByBeforeEach);
    assertThat(lattice.prefix())
        .startsWith("NatsServerExtensionIT-aTestGets")
        .matches("[A-Za-z0-9_-]+");
    assertThat(nats.url()).isEqualTo(server.url()).isEqualTo("nats://127.0.0.1:" + nats.port());
    assertThat(firstTestsConnection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
  }

  @Test
  @Order(2)
  void theNextTestGetsAnotherLatticeOnTheSameServer(
      Lattice lattice, NatsServer server, Connection nc) {
    assertThat(firstTestsLattice).isNotNull();
    assertThat(lattice).isNotEqualTo(firstTestsLattice);
    assertThat(server.pid()).isEqualTo(serverPid);
    assertThat(firstTestsConnection.getStatus()).isEqualTo(Connection.Status.CLOSED);
    assertThat(nc.getStatus()).isEqualTo(Connection.Status.CONNECTED);
  }

  @Test
  @Order(3)
  void stoppingALauncherEndsItsProcessAndDeletesItsStore() {
    NatsServer server = NatsServer.builder().build().start();
    long pid = server.pid();
    Path store = server.storeDir();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

    server.stop();

    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(store).doesNotExist();
    server.stop();
    assertThat(server.isRunning()).isFalse();
  }
}
