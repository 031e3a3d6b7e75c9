package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.StandInActor;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider in-process on a real nats-server, real HTTP clients on loopback, and the linked
 * actor played by a NATS responder that validates each invocation as a host would.
 */
@WithNats
class HttpServerIT {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ProviderHarness h;
  private HttpServerProvider provider;
  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID);
    provider = new HttpServerProvider();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void requestReachesTheActorMappedAndItsResponseComesBackVerbatim() throws Exception {
    StandInActor standIn =
        h.actor(
            actor,
            answer(
                request ->
                    new HttpResponse(
                        201,
                        Map.of(
                            "X-Reply", List.of("one", "two"),
                            "content-type", List.of("text/plain")),
                        bytes("made"))));
    String base = serve(Map.of());

    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(base + "/a%20b/c?x=1&y=%20z&x=2"))
                .header("X-Multi", "first")
                .header("X-Multi", "second")
                .header("Mixed-Case", "Value, with comma")
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("x-reply")).containsExactly("one", "two");
    assertThat(response.headers().firstValue("content-type")).contains("text/plain");
    assertThat(response.body()).isEqualTo("made");

    Invocation inv = standIn.received().get(0);
    assertThat(standIn.verdicts().get(0).isAccepted()).isTrue();
    assertThat(inv.operation()).isEqualTo(HttpServer.HANDLE_REQUEST);
    assertThat(inv.origin()).isEqualTo(h.providerEntity());
    assertThat(inv.target()).isEqualTo(WasmCloudEntity.actor(actor));
    HttpRequest request = HttpServerCodec.decodeRequest(inv.msg());
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/a%20b/c");
    assertThat(request.queryString()).isEqualTo("x=1&y=%20z&x=2");
    assertThat(request.header().get("x-multi")).containsExactly("first", "second");
    assertThat(request.header().get("mixed-case")).containsExactly("Value, with comma");
    assertThat(request.header()).containsKey("host").doesNotContainKey("Mixed-Case");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void bodiesArriveAsBytesWhetherFixedLengthOrChunked() throws Exception {
    StandInActor standIn = h.actor(actor, answer(request -> HttpResponse.ok(request.body())));
    String base = serve(Map.of());
    byte[] binary = new byte[3000];
    new Random(7).nextBytes(binary);

    var fixed =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(base + "/upload"))
                .method("PUT", BodyPublishers.ofByteArray(binary))
                .build(),
            BodyHandlers.ofByteArray());
    var chunked =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(base + "/upload"))
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(binary)))
                .build(),
            BodyHandlers.ofByteArray());

    assertThat(fixed.body()).isEqualTo(binary);
    assertThat(chunked.body()).isEqualTo(binary);
    HttpRequest put = HttpServerCodec.decodeRequest(standIn.received().get(0).msg());
    HttpRequest post = HttpServerCodec.decodeRequest(standIn.received().get(1).msg());
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.body()).isEqualTo(binary);
    assertThat(post.header()).doesNotContainKey("transfer-encoding");
    assertThat(post.header().get("content-length")).containsExactly("3000");
  }

  @Test
  void bodiesOverMaxBodyBytesGet413WithoutReachingTheActor() throws Exception {
    StandInActor standIn = h.actor(actor, answer(request -> HttpResponse.ok(request.body())));
    String base = serve(Map.of("max_body_bytes", "1000"));

    var atLimit = post(base, new byte[1000]);
    var over = post(base, new byte[1001]);

    assertThat(atLimit.statusCode()).isEqualTo(200);
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(over.body()).isEqualTo("the request body is larger than 1000 bytes\n");
    assertThat(over.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
    assertThat(standIn.received()).hasSize(1);
  }

  @Test
  void largeBodiesTravelThroughTheObjectStoreBothWays() throws Exception {
    h.actor(actor, answer(request -> HttpResponse.ok(reversed(request.body()))));
    String base = serve(Map.of());
    byte[] big = new byte[1024 * 1024];
    new Random(11).nextBytes(big);

    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(base + "/big"))
                .POST(BodyPublishers.ofByteArray(big))
                .build(),
            BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(reversed(big));
  }

  @Test
  void actorErrorsBecome500WithTheErrorText() throws Exception {
    h.actor(
        actor,
        inv ->
            InvocationResponse.failure(
                inv.id(), "Guest call failed for method HttpServer.HandleRequest: boom"));
    String base = serve(Map.of());

    var response = get(base + "/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .isEqualTo("Guest call failed for method HttpServer.HandleRequest: boom\n");
  }

  @Test
  void anActorThatIsNotRunningGives503() throws Exception {
    String base = serve(Map.of()); // no responder on the actor's subject
    assertThat(get(base + "/").statusCode()).isEqualTo(503);

    h.actor(
        actor,
        inv ->
            new InvocationResponse(
                new byte[0],
                inv.id(),
                "Invocation received for actor " + actor + " that is not running",
                null));
    var response = get(base + "/");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("the actor is not running\n");
  }

  @Test
  void anActorSlowerThanTimeoutMsGives504() throws Exception {
    h.actor(actor, inv -> null); // never answers
    String base = serve(Map.of("TIMEOUT_MS", "300"));

    var response = get(base + "/slow");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("the actor did not answer within 300 ms\n");
  }

  @Test
  void withoutTimeoutMsTheHostDataRpcTimeoutApplies() throws Exception {
    h.actor(actor, inv -> null);
    String base = serve(Map.of());

    var response = get(base + "/slow");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("the actor did not answer within 2000 ms\n");
  }

  @Test
  void aTimeoutMsLongerThanTheRpcTimeoutCannotExtendIt() throws Exception {
    h.actor(actor, inv -> null);
    String base = serve(Map.of("TIMEOUT_MS", "60000"));

    var response = get(base + "/slow");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("the actor did not answer within 2000 ms\n");
  }

  @Test
  void statusCodesOutside200To599Become500() throws Exception {
    int[] status = {99};
    h.actor(actor, answer(request -> new HttpResponse(status[0], Map.of(), bytes("x"))));
    String base = serve(Map.of());

    assertThat(get(base + "/").statusCode()).isEqualTo(500);
    status[0] = 600;
    assertThat(get(base + "/").statusCode()).isEqualTo(500);
    status[0] = 599;
    assertThat(get(base + "/").statusCode()).isEqualTo(599);
    status[0] = 404;
    assertThat(get(base + "/").statusCode()).isEqualTo(404);
  }

  @Test
  void headRequestsGetHeadersWithoutBody() throws Exception {
    StandInActor standIn = h.actor(actor, answer(request -> HttpResponse.ok(bytes("body"))));
    String base = serve(Map.of());

    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(base + "/h"))
                .method("HEAD", BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-length")).contains("4");
    assertThat(response.body()).isEmpty();
    assertThat(HttpServerCodec.decodeRequest(standIn.received().get(0).msg()).method())
        .isEqualTo("HEAD");
  }

  private String serve(Map<String, String> values) {
    Map<String, String> all = new java.util.HashMap<>(values);
    all.putIfAbsent("ADDRESS", "127.0.0.1:0");
    h.start(provider, h.link(actor, all));
    return "http://127.0.0.1:" + provider.listenerAddress(actor).orElseThrow().getPort();
  }

  private java.net.http.HttpResponse<String> get(String url) throws Exception {
    return client.send(
        java.net.http.HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
  }

  private java.net.http.HttpResponse<String> post(String base, byte[] body) throws Exception {
    return client.send(
        java.net.http.HttpRequest.newBuilder(URI.create(base + "/upload"))
            .POST(BodyPublishers.ofByteArray(body))
            .build(),
        BodyHandlers.ofString());
  }

  /** An actor that decodes the request and answers with {@code handler}'s response. */
  static Function<Invocation, InvocationResponse> answer(
      Function<HttpRequest, HttpResponse> handler) {
    return inv ->
        InvocationResponse.success(
            inv.id(),
            HttpServerCodec.encodeResponse(
                handler.apply(HttpServerCodec.decodeRequest(inv.msg()))));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] reversed(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
