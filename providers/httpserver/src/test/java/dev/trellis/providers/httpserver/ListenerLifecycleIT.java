package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links open and close listeners: one per actor, refused when its port is taken. */
@WithNats
class ListenerLifecycleIT {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String first = KeyPair.generate(KeyType.MODULE).publicKey();
  private final String second = KeyPair.generate(KeyType.MODULE).publicKey();
  private ProviderHarness h;
  private HttpServerProvider provider;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID);
    provider = new HttpServerProvider();
    h.actor(first, HttpServerIT.answer(request -> HttpResponse.ok(HttpServerIT.bytes("first"))));
    h.actor(second, HttpServerIT.answer(request -> HttpResponse.ok(HttpServerIT.bytes("second"))));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void eachLinkedActorGetsItsOwnListenerUntilItsLinkIsDeleted() throws Exception {
    h.start(provider, h.link(first, Map.of("ADDRESS", "127.0.0.1:0")));
    int firstPort = port(first);
    assertThat(get(firstPort)).isEqualTo("first");

    LinkDefinition secondLink = h.link(second, Map.of("address", "127.0.0.1:0"));
    h.putLink(secondLink);
    await().atMost(ProviderHarness.TIMEOUT).until(() -> h.isLinked(second));
    int secondPort = port(second);
    assertThat(secondPort).isNotEqualTo(firstPort);
    assertThat(get(secondPort)).isEqualTo("second");

    h.deleteLink(secondLink);
    await().atMost(ProviderHarness.TIMEOUT).until(() -> provider.listenerAddress(second).isEmpty());
    assertRefused(secondPort);
    assertThat(get(firstPort)).isEqualTo("first");

    // The port is free again: the same actor can take it back.
    LinkDefinition again = h.link(second, Map.of("ADDRESS", "127.0.0.1:" + secondPort));
    h.putLink(again);
    await().atMost(ProviderHarness.TIMEOUT).until(() -> h.isLinked(second));
    assertThat(get(secondPort)).isEqualTo("second");
  }

  @Test
  void aLinkWhosePortIsTakenIsRefusedAndTheOthersKeepServing() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      h.start(provider, h.link(first, Map.of("PORT", "0")));
      LinkDefinition clash = h.link(second, Map.of("ADDRESS", "127.0.0.1:" + taken.getLocalPort()));

      h.putLink(clash);
      // A link put is handled in order on one thread: once a later put is seen, this one was too.
      String third = KeyPair.generate(KeyType.MODULE).publicKey();
      h.putLink(h.link(third, Map.of("ADDRESS", "127.0.0.1:0")));
      await().atMost(ProviderHarness.TIMEOUT).until(() -> h.isLinked(third));

      assertThat(h.isLinked(second)).isFalse();
      assertThat(provider.listenerAddress(second)).isEmpty();
      assertThat(get(port(first))).isEqualTo("first");
    }
  }

  @Test
  void malformedLinkValuesAreRefused() {
    h.start(
        provider,
        h.link(first, Map.of("ADDRESS", "nowhere")),
        h.link(second, Map.of("MAX_BODY_BYTES", "-1")));

    assertThat(h.isLinked(first)).isFalse();
    assertThat(h.isLinked(second)).isFalse();
  }

  @Test
  void portAloneListensOnLoopback() throws Exception {
    h.start(provider, h.link(first, Map.of("PORT", "0", "ADDRESS", "0.0.0.0:1")));

    InetSocketAddress address = provider.listenerAddress(first).orElseThrow();
    assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    assertThat(get(address.getPort())).isEqualTo("first");
  }

  @Test
  void stoppingTheProviderClosesEveryListener() throws Exception {
    h.start(
        provider,
        h.link(first, Map.of("ADDRESS", "127.0.0.1:0")),
        h.link(second, Map.of("ADDRESS", "127.0.0.1:0")));
    int firstPort = port(first);
    int secondPort = port(second);
    assertThat(get(firstPort)).isEqualTo("first");

    h.runner().close();

    assertRefused(firstPort);
    assertRefused(secondPort);
  }

  private int port(String actor) {
    return provider.listenerAddress(actor).orElseThrow().getPort();
  }

  private String get(int port) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            BodyHandlers.ofString())
        .body();
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("port %d still accepts connections", port)
        .isInstanceOf(ConnectException.class);
  }
}
