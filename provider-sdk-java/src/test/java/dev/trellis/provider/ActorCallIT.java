package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider → actor calls (spec §3.6 flow A), answered by a stand-in host that validates them as the
 * OTP host does ({@link StandInActor}) and serves the actor's subject.
 */
@WithNats
class ActorCallIT {
  private Harness h;
  private StandInActor actor;
  private List<Invocation> received;
  private List<InvocationVerdict> verdicts;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new Harness(nats, lattice).start();
    actor = new StandInActor(h);
    received = actor.received;
    verdicts = actor.verdicts;
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void callIsSignedWithTheInvocationSeedFromTheLinkedProvider() {
    byte[] result = h.runner.connection().callActor(h.linkedActor, "Pong.Ping", bytes("ping"));

    assertThat(new String(result, StandardCharsets.UTF_8)).isEqualTo("gnip");
    assertThat(verdicts).singleElement().matches(InvocationVerdict::isAccepted);
    Invocation inv = received.get(0);
    assertThat(inv.origin()).isEqualTo(h.providerEntity());
    assertThat(inv.target()).isEqualTo(WasmCloudEntity.actor(h.linkedActor));
    assertThat(inv.operation()).isEqualTo("Pong.Ping");
    assertThat(inv.hostId()).isEqualTo(h.hostId);
    assertThat(inv.contentLength()).isEqualTo(4L);
  }

  @Test
  void handlersMayCallActorsWhileServingAnInvocation() throws Exception {
    InvocationResponse response =
        h.invoke(h.signedFrom(h.linkedActor, "Echo.CallBack", bytes("abc")));

    assertThat(response.isSuccess()).isTrue();
    assertThat(new String(response.msg(), StandardCharsets.UTF_8)).isEqualTo("cba");
    assertThat(received).singleElement().extracting(Invocation::operation).isEqualTo("Pong.Back");
  }

  @Test
  void largePayloadsGoBothWaysThroughTheObjectStore() {
    byte[] big = new byte[1024 * 1024];
    new Random(3).nextBytes(big);

    byte[] result = h.runner.connection().callActor(h.linkedActor, "Pong.Ping", big);

    assertThat(result).isEqualTo(StandInActor.reversed(big));
    Invocation inv = received.get(0);
    assertThat(inv.msg()).isEqualTo(big);
    assertThat(verdicts.get(0).isAccepted()).isTrue(); // hash checked over the dechunked payload
  }

  @Test
  void errorRepliesBecomeActorErrorException() {
    String actorError = "Guest call failed for method Pong.Ping: no such thing";
    actor.error = actorError;

    assertThatThrownBy(
            () -> h.runner.connection().callActor(h.linkedActor, "Pong.Ping", bytes("x")))
        .isInstanceOfSatisfying(
            ActorErrorException.class, e -> assertThat(e.error()).isEqualTo(actorError))
        .hasMessage(
            "failed to call Pong.Ping on actor "
                + h.linkedActor
                + ": Guest call failed for method Pong.Ping: no such thing");
  }

  @Test
  void callsToUnlinkedOrUnservedActorsFail() {
    String unlinked = KeyPair.generate(KeyType.MODULE).publicKey();
    assertThatThrownBy(() -> h.runner.connection().callActor(unlinked, "Pong.Ping", bytes("x")))
        .isInstanceOf(UnlinkedActorException.class)
        .hasMessageContaining("it has no link to provider " + h.providerKey);

    String unserved = KeyPair.generate(KeyType.MODULE).publicKey();
    h.publishPut(h.link(unserved, java.util.Map.of()));
    org.awaitility.Awaitility.await()
        .atMost(Harness.TIMEOUT)
        .until(() -> h.runner.connection().link(unserved).isPresent());
    assertThatThrownBy(() -> h.runner.connection().callActor(unserved, "Pong.Ping", bytes("x")))
        .isInstanceOf(ActorCallTimeoutException.class)
        .hasMessageContaining("no host serves the actor");
  }

  @Test
  void aPerCallTimeoutBoundsTheWait() {
    actor.silent = true;

    assertThatThrownBy(
            () ->
                h.runner
                    .connection()
                    .callActor(h.linkedActor, "Pong.Ping", bytes("x"), Duration.ofMillis(300)))
        .isInstanceOf(ActorCallTimeoutException.class)
        .hasMessage(
            "failed to call Pong.Ping on actor "
                + h.linkedActor
                + ": request timeout after 300 ms");
    assertThat(received).hasSize(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
