package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProviderConnection#callActorAsync}: the same calls as {@link ActorCallIT}, answered by a
 * {@link StandInActor} on real NATS, without a thread waiting for each.
 */
@WithNats
class AsyncActorCallIT {
  private Harness h;
  private StandInActor actor;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new Harness(nats, lattice).start();
    actor = new StandInActor(h);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void completesWithTheActorsResult() {
    CompletableFuture<byte[]> call =
        h.runner.connection().callActorAsync(h.linkedActor, "Pong.Ping", bytes("ping"));

    assertThat(call).succeedsWithin(Harness.TIMEOUT).isEqualTo(bytes("gnip"));
    assertThat(actor.verdicts).singleElement().matches(InvocationVerdict::isAccepted);
    assertThat(actor.received.get(0).origin()).isEqualTo(h.providerEntity());
  }

  @Test
  void throughALinkDefinition() {
    LinkDefinition link = h.runner.connection().link(h.linkedActor).orElseThrow();

    CompletableFuture<byte[]> call =
        h.runner.connection().callActorAsync(link, "Pong.Ping", bytes("abc"));

    assertThat(call).succeedsWithin(Harness.TIMEOUT).isEqualTo(bytes("cba"));
  }

  @Test
  void anErrorReplyFailsTheFutureWithActorErrorException() {
    actor.error = "Guest call failed for method Pong.Ping: no such thing";

    ActorCallException failure =
        failureOf(h.runner.connection().callActorAsync(h.linkedActor, "Pong.Ping", bytes("x")));

    assertThat(failure)
        .isInstanceOfSatisfying(
            ActorErrorException.class, e -> assertThat(e.error()).isEqualTo(actor.error))
        .hasMessage(
            "failed to call Pong.Ping on actor "
                + h.linkedActor
                + ": Guest call failed for method Pong.Ping: no such thing");
  }

  @Test
  void aSilentActorTimesOutAfterThePerCallTimeout() {
    actor.silent = true;

    CompletableFuture<byte[]> call =
        h.runner
            .connection()
            .callActorAsync(h.linkedActor, "Pong.Ping", bytes("x"), Duration.ofMillis(200));

    await().atMost(Harness.TIMEOUT).until(call::isDone);
    assertThat(failureOf(call))
        .isInstanceOf(ActorCallTimeoutException.class)
        .hasMessage(
            "failed to call Pong.Ping on actor "
                + h.linkedActor
                + ": request timeout after 200 ms");
    assertThat(actor.received).hasSize(1); // the request went out; nobody answered
  }

  @Test
  void anUnservedActorFailsWithNoResponders() {
    String unserved = KeyPair.generate(KeyType.MODULE).publicKey();
    h.publishPut(h.link(unserved, Map.of()));
    await().atMost(Harness.TIMEOUT).until(() -> h.runner.connection().link(unserved).isPresent());

    ActorCallException failure =
        failureOf(h.runner.connection().callActorAsync(unserved, "Pong.Ping", bytes("x")));

    assertThat(failure)
        .isInstanceOf(ActorCallTimeoutException.class)
        .hasMessage(
            "failed to call Pong.Ping on actor "
                + unserved
                + ": no host serves the actor in lattice "
                + h.lattice
                + " (no responders); start the actor");
  }

  @Test
  void anUnlinkedActorFailsTheFutureAndSendsNothing() {
    String unlinked = KeyPair.generate(KeyType.MODULE).publicKey();

    ActorCallException failure =
        failureOf(h.runner.connection().callActorAsync(unlinked, "Pong.Ping", bytes("x")));

    assertThat(failure)
        .isInstanceOf(UnlinkedActorException.class)
        .hasMessageContaining("it has no link to provider " + h.providerKey);
    assertThat(actor.received).isEmpty();
  }

  @Test
  void largePayloadsGoBothWaysThroughTheObjectStore() {
    byte[] big = new byte[1024 * 1024];
    new Random(5).nextBytes(big);

    CompletableFuture<byte[]> call =
        h.runner.connection().callActorAsync(h.linkedActor, "Pong.Ping", big);

    assertThat(call).succeedsWithin(Harness.TIMEOUT).isEqualTo(StandInActor.reversed(big));
    assertThat(actor.received.get(0).msg()).isEqualTo(big);
    assertThat(actor.verdicts.get(0).isAccepted()).isTrue();
  }

  @Test
  void manyCallsWaitAtOnceAndEachGetsItsOwnResult() {
    int calls = 300;
    actor.holdUntil(calls); // answers only once every call is waiting, newest first
    List<CompletableFuture<byte[]>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      // The first call waits for the last one to arrive: on a busy machine, signing, sending and
      // validating 300 calls can take longer than the default RPC timeout, so give them all time.
      futures.add(
          h.runner
              .connection()
              .callActorAsync(h.linkedActor, "Pong.Ping", bytes("call " + i), Harness.TIMEOUT));
    }

    assertThat(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)))
        .succeedsWithin(Harness.TIMEOUT);
    for (int i = 0; i < calls; i++) {
      assertThat(futures.get(i).join()).isEqualTo(StandInActor.reversed(bytes("call " + i)));
    }
    assertThat(actor.verdicts).hasSize(calls).allMatch(InvocationVerdict::isAccepted);
  }

  /** Waits for {@code call} to fail and returns why. */
  private static ActorCallException failureOf(CompletableFuture<byte[]> call) {
    await().atMost(Harness.TIMEOUT).until(call::isDone);
    try {
      call.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(ActorCallException.class);
      return (ActorCallException) e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
