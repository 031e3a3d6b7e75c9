package dev.trellis.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.host.actor.ActorLimits;
import dev.trellis.host.actor.ActorLoadException;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A host against a real nats-server, driven the way providers and other hosts drive it. */
@WithNats
class ActorHostIT {
  private final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  private final InvocationSigner signer = new InvocationSigner(cluster, Clock.systemUTC());
  private Host host;

  private Host host(Connection nc, Lattice lattice) {
    host =
        new Host(
            HostConfig.builder()
                .withLatticePrefix(lattice.prefix())
                .withClusterKey(cluster)
                .withActorLimits(ActorLimits.DEFAULT.withCallTimeout(Duration.ofSeconds(2)))
                .build(),
            nc);
    return host;
  }

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  private static byte[] get(String path) {
    return HttpServerCodec.encodeRequest(
        new HttpRequest("GET", path, "", Map.of(), "hello".getBytes(StandardCharsets.UTF_8)));
  }

  private InvocationResponse httpCall(Connection nc, Lattice lattice, String actor, byte[] msg)
      throws Exception {
    Invocation inv =
        TestProviders.sign(
            signer, TestProviders.httpServer(), actor, "HttpServer.HandleRequest", msg);
    return TestProviders.send(nc, Subjects.actorRpc(lattice.prefix(), actor), inv);
  }

  private static String body(InvocationResponse response) {
    assertThat(response.error()).isNull();
    HttpResponse http = HttpServerCodec.decodeResponse(response.msg());
    return http.statusCode() + " " + new String(http.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aSignedInvocationReachesTheEchoActorInBothIsolationModes(Connection nc, Lattice lattice)
      throws Exception {
    for (String name : List.of("echo-rust", "echo-c")) {
      Host h = host(nc, lattice);
      for (Isolation isolation : Isolation.values()) {
        String actor =
            h.startActor(Corpus.module(name), h.defaultActorOptions().withIsolation(isolation))
                .publicKey();
        assertThat(body(httpCall(nc, lattice, actor, get("/hi"))))
            .isEqualTo(
                "200 {\"body\":[104,101,108,108,111],\"method\":\"GET\",\"path\":\"/hi\","
                    + "\"query_string\":\"\"}");
        h.stopActor(actor);
      }
      h.close();
    }
  }

  @Test
  void theCounterCallsAKeyValueProviderThroughItsLink(Connection nc, Lattice lattice)
      throws Exception {
    Host h = host(nc, lattice);
    String actor = h.startActor(Corpus.module("kvcounter-rust")).publicKey();
    AtomicInteger counter = new AtomicInteger();
    TestProviders.serve(
        nc,
        Subjects.providerRpc(lattice.prefix(), TestProviders.KV_PROVIDER, "default"),
        inv -> {
          IncrementRequest req = KeyValueCodec.decodeIncrementRequest(inv.msg());
          assertThat(req.key()).isEqualTo("counter");
          assertThat(inv.origin()).isEqualTo(WasmCloudEntity.actor(actor));
          return InvocationResponse.success(
              inv.id(), BarePayload.encodeI32(counter.addAndGet(req.value())));
        });

    assertThat(body(httpCall(nc, lattice, actor, get("/"))))
        .startsWith(
            "500 Invocation not authorized: missing link definition for wasmcloud:keyvalue");

    h.links()
        .put(
            new LinkDefinition(
                actor, TestProviders.KV_PROVIDER, "default", "wasmcloud:keyvalue", Map.of()));
    assertThat(body(httpCall(nc, lattice, actor, get("/")))).isEqualTo("200 {\"counter\":1}");
    assertThat(body(httpCall(nc, lattice, actor, get("/")))).isEqualTo("200 {\"counter\":2}");
  }

  @Test
  void aLinkedActorWithoutTheCapabilityIsRefused(Connection nc, Lattice lattice) throws Exception {
    Host h = host(nc, lattice);
    String actor = h.startActor(Corpus.module("kvcounter-unpriv")).publicKey();
    h.links()
        .put(
            new LinkDefinition(
                actor, TestProviders.KV_PROVIDER, "default", "wasmcloud:keyvalue", Map.of()));
    assertThat(body(httpCall(nc, lattice, actor, get("/"))))
        .startsWith(
            "500 Invocation not authorized: missing capability claim for wasmcloud:keyvalue");
  }

  @Test
  void pingReachesPongThroughItsCallAlias(Connection nc, Lattice lattice) throws Exception {
    Host h = host(nc, lattice);
    String pinger = h.startActor(Corpus.module("pinger-rust")).publicKey();
    assertThat(body(httpCall(nc, lattice, pinger, get("/"))))
        .startsWith("500 Call alias not found: trellis/pong");
    h.startActor(Corpus.module("ponger-c"));
    assertThat(body(httpCall(nc, lattice, pinger, get("/")))).isEqualTo("200 pong");
  }

  @Test
  void theLoggerUsesTheBuiltins(Connection nc, Lattice lattice) throws Exception {
    Host h = host(nc, lattice);
    String actor = h.startActor(Corpus.module("logger-rust")).publicKey();
    assertThat(body(httpCall(nc, lattice, actor, get("/"))))
        .matches("200 \\{\"guid\":\"[0-9a-f-]{36}\",\"random_in_range\":\\d+,\"random_32\":\\d+}");
  }

  @Test
  void forgedInvocationsAreRefusedWithWasmCloudsText(Connection nc, Lattice lattice)
      throws Exception {
    Host h = host(nc, lattice);
    String actor = h.startActor(Corpus.module("echo-rust")).publicKey();
    String subject = Subjects.actorRpc(lattice.prefix(), actor);
    Invocation good =
        TestProviders.sign(
            signer, TestProviders.httpServer(), actor, "HttpServer.HandleRequest", get("/"));

    String token = good.encodedClaims();
    char last = token.charAt(token.length() - 2);
    Invocation badSignature =
        withClaims(
            good,
            token.substring(0, token.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1));
    assertThat(TestProviders.send(nc, subject, badSignature).error())
        .isEqualTo("Anti-forgery check failed: Invocation claims signature invalid");

    InvocationSigner stranger =
        new InvocationSigner(KeyPair.generate(KeyType.CLUSTER), Clock.systemUTC());
    Invocation wrongIssuer =
        TestProviders.sign(
            stranger, TestProviders.httpServer(), actor, "HttpServer.HandleRequest", get("/"));
    assertThat(TestProviders.send(nc, subject, wrongIssuer).error())
        .isEqualTo(
            "Anti-forgery check failed: Issuer of this invocation is not among the list of valid"
                + " issuers");

    Invocation altered = good.withMsg(get("/other"));
    assertThat(TestProviders.send(nc, subject, altered).error())
        .startsWith("Anti-forgery check failed: Invocation hash does not match signed claims hash");

    nc.flush(Duration.ofSeconds(1));
    var reply = nc.request(subject, new byte[] {1, 2, 3}, Duration.ofSeconds(5));
    assertThat(dev.trellis.interfaces.wire.InvocationResponseCodec.decode(reply.getData()).error())
        .isEqualTo("Failed to deserialize invocation");
  }

  @Test
  void anActorWithoutTheCallersContractIsRefused(Connection nc, Lattice lattice) throws Exception {
    Host h = host(nc, lattice);
    String actor = h.startActor(Corpus.module("echo-unpriv")).publicKey();
    assertThat(httpCall(nc, lattice, actor, get("/")).error())
        .isEqualTo(
            "Invocation source does not have the required capability claim wasmcloud:httpserver");
  }

  @Test
  void invalidModulesAreRefusedWithTheReason(Connection nc, Lattice lattice) {
    Host h = host(nc, lattice);
    assertThatThrownBy(() -> h.startActor(Corpus.module("echo-bad-signature")))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("signature");
    assertThatThrownBy(() -> h.startActor(Corpus.module("echo-hash-mismatch")))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("hash");
    assertThatThrownBy(() -> h.startActor(Corpus.module("unsigned/echo-rust")))
        .isInstanceOf(ActorLoadException.class)
        .hasMessageContaining("trellis claims sign");
  }

  @Test
  void hostileActorsGetTheirErrorsWhileOthersKeepServing(Connection nc, Lattice lattice)
      throws Exception {
    Host h = host(nc, lattice);
    String echo = h.startActor(Corpus.module("echo-c")).publicKey();
    Map<String, String> expected =
        Map.of(
            "hostile-loop", "did not finish HttpServer.HandleRequest within 2000 ms",
            "hostile-trap", "unreachable",
            "hostile-recursion", "stack",
            "hostile-double-request", "unexpected `__guest_request`",
            "hostile-memory-bomb", "",
            "hostile-guest-error", "");
    for (var entry : expected.entrySet()) {
      String actor =
          h.startActor(
                  Corpus.module(entry.getKey()),
                  h.defaultActorOptions()
                      .withLimits(
                          ActorLimits.DEFAULT
                              .withCallTimeout(Duration.ofSeconds(2))
                              .withMaxMemoryPages(64)))
              .publicKey();
      InvocationResponse response = httpCall(nc, lattice, actor, get("/"));
      assertThat(response.error())
          .as(entry.getKey())
          .isNotNull()
          .containsIgnoringCase(entry.getValue());
      assertThat(body(httpCall(nc, lattice, echo, get("/")))).startsWith("200 ");
    }
  }

  private static Invocation withClaims(Invocation inv, String claims) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        inv.msg(),
        inv.id(),
        claims,
        inv.hostId(),
        inv.contentLength(),
        inv.traceContext());
  }
}
