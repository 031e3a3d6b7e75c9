package dev.trellis.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.messaging.Messaging;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.contract.messaging.ReplyMessage;
import dev.trellis.interfaces.contract.messaging.RequestMessage;
import dev.trellis.interfaces.contract.messaging.SubMessage;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.StandInActor;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider in-process on a real nats-server: subscriptions from link values delivered to actors
 * played by NATS responders that validate each invocation, and Publish and Request invoked as a
 * host invokes them.
 */
@WithNats
class MessagingIT {
  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();
  private ProviderHarness h;
  private MessagingProvider provider;
  private String natsUrl;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new ProviderHarness(nats, lattice, Messaging.CONTRACT_ID);
    provider = new MessagingProvider();
    natsUrl = nats.url();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void messagesOnSubscribedSubjectsBecomeHandleMessage() throws Exception {
    StandInActor standIn = h.actor(actor, MessagingIT::accept);
    String prefix = h.lattice() + ".orders";
    h.start(
        provider, h.link(actor, Map.of("SUBSCRIPTION", prefix + ".*, " + h.lattice() + ".done")));

    h.nc().publish(prefix + ".new", "reply.here", bytes("first"));
    h.nc().publish(h.lattice() + ".done", bytes("second"));
    h.nc().publish(prefix + ".new.deep", bytes("not matched"));
    h.nc().flush(ProviderHarness.TIMEOUT);

    await().atMost(ProviderHarness.TIMEOUT).until(() -> standIn.received().size() >= 2);
    assertThat(standIn.verdicts()).allMatch(v -> v.isAccepted());
    Invocation inv = standIn.received().get(0);
    assertThat(inv.operation()).isEqualTo(Messaging.HANDLE_MESSAGE);
    assertThat(inv.origin()).isEqualTo(h.providerEntity());
    assertThat(inv.target()).isEqualTo(WasmCloudEntity.actor(actor));
    assertThat(standIn.received().stream().map(i -> MessagingCodec.decodeSubMessage(i.msg())))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyInAnyOrder(
            new SubMessage(prefix + ".new", "reply.here", bytes("first")),
            new SubMessage(h.lattice() + ".done", null, bytes("second")));
  }

  @Test
  void aQueueGroupSharesMessagesAcrossActors() throws Exception {
    String other = KeyPair.generate(KeyType.MODULE).publicKey();
    StandInActor first = h.actor(actor, MessagingIT::accept);
    StandInActor second = h.actor(other, MessagingIT::accept);
    String subject = h.lattice() + ".jobs";
    h.start(
        provider,
        h.link(actor, Map.of("SUBSCRIPTION", subject + "|workers")),
        h.link(other, Map.of("subscription", subject + "|workers")));

    for (int i = 0; i < 20; i++) {
      h.nc().publish(subject, bytes("job " + i));
    }
    h.nc().flush(ProviderHarness.TIMEOUT);

    await()
        .atMost(ProviderHarness.TIMEOUT)
        .until(() -> first.received().size() + second.received().size() == 20);
    assertThat(noResponders(h.lattice() + ".unrelated")).isTrue(); // and nothing else listens
  }

  @Test
  void publishSendsOnTheActorsConnection() throws Exception {
    h.start(provider, h.link(actor, Map.of()));
    Subscription sub = h.nc().subscribe(h.lattice() + ".out");
    h.nc().flush(ProviderHarness.TIMEOUT);

    InvocationResponse response =
        h.invoke(
            actor,
            Messaging.PUBLISH,
            MessagingCodec.encodePubMessage(
                new PubMessage(h.lattice() + ".out", "answer.me", bytes("hello"))));

    assertThat(response.error()).isNull();
    assertThat(response.msg()).isEmpty();
    Message message = sub.nextMessage(ProviderHarness.TIMEOUT);
    assertThat(message.getReplyTo()).isEqualTo("answer.me");
    assertThat(message.getData()).asString().isEqualTo("hello");
  }

  @Test
  void requestReturnsTheFirstReplyOrSaysWhyNot() throws Exception {
    h.start(provider, h.link(actor, Map.of()));
    String service = h.lattice() + ".svc";
    h.nc()
        .createDispatcher(m -> h.nc().publish(m.getReplyTo(), bytes("re: " + text(m.getData()))))
        .subscribe(service);
    h.nc().subscribe(h.lattice() + ".silent");
    h.nc().flush(ProviderHarness.TIMEOUT);

    ReplyMessage reply = request(new RequestMessage(service, bytes("q"), 2000));
    assertThat(reply.body()).asString().isEqualTo("re: q");
    assertThat(reply.subject()).startsWith("_INBOX.");
    assertThat(request(new RequestMessage(service, bytes("zero"), 0)).body())
        .asString()
        .isEqualTo("re: zero"); // 0: the lattice's RPC timeout, not an instant failure

    assertThat(requestError(new RequestMessage(h.lattice() + ".silent", bytes("q"), 200)))
        .isEqualTo(
            "failed to request on subject '"
                + h.lattice()
                + ".silent': nats request timed out after 200 ms");
    assertThat(requestError(new RequestMessage(h.lattice() + ".nobody", bytes("q"), 2000)))
        .isEqualTo("failed to request on subject '" + h.lattice() + ".nobody': no responders");
  }

  @Test
  void anExplicitUriGetsItsOwnConnectionAndAnUnreachableOneIsRefused() throws Exception {
    StandInActor standIn = h.actor(actor, MessagingIT::accept);
    String unreachableActor = KeyPair.generate(KeyType.MODULE).publicKey();
    String subject = h.lattice() + ".uri";
    h.start(
        provider,
        h.link(actor, Map.of("URI", natsUrl.replace("nats://", ""), "SUBSCRIPTION", subject)),
        h.link(unreachableActor, Map.of("URI", "nats://127.0.0.1:" + closedPort())));

    assertThat(h.isLinked(actor)).isTrue();
    assertThat(h.isLinked(unreachableActor)).isFalse();
    assertThat(provider.hasConnection(unreachableActor)).isFalse();
    h.nc().publish(subject, bytes("via uri"));
    await().atMost(ProviderHarness.TIMEOUT).until(() -> standIn.received().size() == 1);
  }

  @Test
  void aJwtWithoutItsSeedIsRefused() {
    h.start(provider, h.link(actor, Map.of("CLIENT_JWT", "eyJ0eXAiOiJKV1QifQ.e30.sig")));

    assertThat(h.isLinked(actor)).isFalse();
  }

  @Test
  void deletingTheLinkUnsubscribesAndClosesTheConnection() throws Exception {
    h.actor(actor, MessagingIT::accept);
    String subject = h.lattice() + ".gone";
    LinkDefinition link = h.link(actor, Map.of("SUBSCRIPTION", subject));
    h.start(provider, link);
    assertThat(noResponders(subject)).isFalse();

    h.deleteLink(link);

    await().atMost(ProviderHarness.TIMEOUT).until(() -> !provider.hasConnection(actor));
    assertThat(noResponders(subject)).isTrue();
    assertThat(
            h.invoke(
                    actor,
                    Messaging.PUBLISH,
                    MessagingCodec.encodePubMessage(new PubMessage(subject, null, bytes("x"))))
                .error())
        .isEqualTo("unlinked actor: '" + actor + "'");
  }

  /** True when nobody subscribes {@code subject}: the server answers "no responders" at once. */
  private boolean noResponders(String subject) throws Exception {
    try {
      Message reply = h.nc().requestWithTimeout(subject, new byte[0], Duration.ofMillis(300)).get();
      return reply.isStatusMessage() && reply.getStatus().isNoResponders();
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause() instanceof io.nats.client.JetStreamStatusException status
          && status.getStatus().isNoResponders();
    } catch (java.util.concurrent.CancellationException e) {
      return false; // a subscriber got it and did not answer
    }
  }

  private ReplyMessage request(RequestMessage message) throws Exception {
    InvocationResponse response =
        h.invoke(actor, Messaging.REQUEST, MessagingCodec.encodeRequestMessage(message));
    assertThat(response.error()).isNull();
    return MessagingCodec.decodeReplyMessage(response.msg());
  }

  private String requestError(RequestMessage message) throws Exception {
    return h.invoke(actor, Messaging.REQUEST, MessagingCodec.encodeRequestMessage(message)).error();
  }

  private static InvocationResponse accept(Invocation inv) {
    return InvocationResponse.success(inv.id(), new byte[0]);
  }

  private static int closedPort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
