package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links, health and shutdown of a provider run in-process by the SDK against a real nats-server.
 */
@WithNats
class ProviderLifecycleIT {
  private Harness h;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new Harness(nats, lattice).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void linksOfHostDataArePutAtStartAfterStart() {
    assertThat(h.provider.events).containsExactly("start", "put:" + h.linkedActor);
    assertThat(h.runner.connection().link(h.linkedActor))
        .hasValueSatisfying(link -> assertThat(link.values()).containsEntry("greeting", "hello"));
  }

  @Test
  void linkPutsAndDeletesFollowRpcRsSemantics() {
    String second = KeyPair.generate(KeyType.MODULE).publicKey();
    String refused = KeyPair.generate(KeyType.MODULE).publicKey();
    h.provider.refusedActors.add(refused);

    h.publishPut(h.link(h.linkedActor, Map.of("greeting", "changed"))); // duplicate: ignored
    h.publishPut(h.link(refused, Map.of())); // refused by putLink: not recorded
    h.publishPut(h.link(second, Map.of()));
    await().atMost(Harness.TIMEOUT).until(() -> h.provider.events.contains("put:" + second));

    assertThat(h.provider.events)
        .containsExactly("start", "put:" + h.linkedActor, "put:" + refused, "put:" + second);
    ProviderConnection connection = h.runner.connection();
    assertThat(connection.link(h.linkedActor).orElseThrow().values())
        .containsEntry("greeting", "hello");
    assertThat(connection.link(refused)).isEmpty();
    assertThat(connection.links()).hasSize(2);

    h.provider.refusedActors.clear();
    h.publishPut(h.link(refused, Map.of())); // asked again, since it was never recorded
    h.publishDel(h.link(h.linkedActor, Map.of()));
    h.publishPut(h.link(h.linkedActor, Map.of("greeting", "again"))); // no longer a duplicate
    await().atMost(Harness.TIMEOUT).until(() -> h.provider.events.size() == 7);

    assertThat(h.provider.events.subList(4, 7))
        .containsExactly("put:" + refused, "del:" + h.linkedActor, "put:" + h.linkedActor);
    assertThat(connection.link(h.linkedActor).orElseThrow().values())
        .containsEntry("greeting", "again");
    assertThat(connection.links()).hasSize(3);
  }

  @Test
  void answersHealthChecksFromTheProvider() throws Exception {
    byte[] request = HealthCheckCodec.encodeRequest(new HealthCheckRequest());

    Message healthy = h.request(h.healthSubject(), request);
    // rpc-rs' default reply, byte for byte: {"healthy": true}
    assertThat(healthy.getData())
        .containsExactly(0x81, 0xa7, 'h', 'e', 'a', 'l', 't', 'h', 'y', 0xc3);

    h.provider.health = new HealthCheckResponse(false, "disk full");
    assertThat(HealthCheckCodec.decodeResponse(h.request(h.healthSubject(), request).getData()))
        .isEqualTo(new HealthCheckResponse(false, "disk full"));

    h.provider.healthFailure = new IllegalStateException("probe crashed");
    assertThat(HealthCheckCodec.decodeResponse(h.request(h.healthSubject(), new byte[0]).getData()))
        .isEqualTo(
            new HealthCheckResponse(
                false, "failed to check health: java.lang.IllegalStateException: probe crashed"));
  }

  @Test
  void shutdownForAnotherHostIsIgnored() throws Exception {
    String otherHost = KeyPair.generate(KeyType.SERVER).publicKey();
    Connection nc = h.nc;
    String inbox = nc.createInbox();
    Subscription replies = nc.subscribe(inbox);

    nc.publish(h.shutdownSubject(), inbox, json("{\"host_id\":\"" + otherHost + "\"}"));
    String later = KeyPair.generate(KeyType.MODULE).publicKey();
    h.publishPut(h.link(later, Map.of())); // handled after the shutdown request, on one thread
    await().atMost(Harness.TIMEOUT).until(() -> h.provider.events.contains("put:" + later));
    // The health reply leaves the provider's connection after any reply to the shutdown would.
    h.request(h.healthSubject(), new byte[0]);

    assertThat(replies.nextMessage(Duration.ofMillis(1))).isNull();
    assertThat(h.provider.events).doesNotContain("shutdown");
    assertThat(h.runner.stopped()).isNotDone();
  }

  @Test
  void shutdownForThisHostRepliesCallsShutdownAndStops() throws Exception {
    InvocationResponse before = h.invoke(h.signedFrom(h.linkedActor, "Echo.Say", new byte[] {1}));
    assertThat(before.isSuccess()).isTrue();

    Message reply = h.request(h.shutdownSubject(), json("{\"host_id\":\"" + h.hostId + "\"}"));

    assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("shutting down");
    assertThat(h.provider.events).contains("shutdown");
    assertThat(h.runner.stopped().get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(StopReason.SHUTDOWN_REQUESTED);
    assertThat(h.runner.connection().nats().getStatus()).isEqualTo(Connection.Status.CLOSED);
    assertThat(h.provider.events.stream().filter("shutdown"::equals)).hasSize(1);
    // Nobody serves the provider's subjects any more.
    assertThat(
            h.nc
                .request(
                    Subjects.providerRpc(h.lattice, h.providerKey, Harness.LINK_NAME), new byte[0])
                .handle((msg, e) -> e)
                .get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isNotNull();
  }

  @Test
  void shutdownWithoutHostIdStopsToo() throws Exception {
    Message reply = h.request(h.shutdownSubject(), new byte[0]);

    assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("shutting down");
    assertThat(h.runner.stopped().get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(StopReason.SHUTDOWN_REQUESTED);
  }

  @Test
  void closeCallsShutdownOnce() {
    h.runner.close();
    h.runner.close();

    assertThat(h.runner.stopped()).isCompletedWithValue(StopReason.CLOSED);
    assertThat(h.provider.events.stream().filter("shutdown"::equals)).hasSize(1);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
