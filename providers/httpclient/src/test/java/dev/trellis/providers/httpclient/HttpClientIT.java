package dev.trellis.providers.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.httpclient.HttpClient;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpclient.HttpRequest;
import dev.trellis.interfaces.contract.httpclient.HttpResponse;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider in-process on a real nats-server, invoked as a host invokes it for a linked actor,
 * calling a real HTTP server on loopback.
 */
@WithNats
class HttpClientIT {
  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();
  private final String tight = KeyPair.generate(KeyType.MODULE).publicKey();
  private ProviderHarness h;
  private LocalHttpServer server;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) throws Exception {
    server = new LocalHttpServer();
    h = new ProviderHarness(nats, lattice, HttpClient.CONTRACT_ID);
    h.start(
        new HttpClientProvider(),
        h.link(actor, Map.of()),
        h.link(tight, Map.of("TIMEOUT_MS", "300", "max_body_bytes", "1000")));
  }

  @AfterEach
  void stop() {
    h.close();
    server.close();
  }

  @Test
  void sendsMethodHeadersAndBodyAndReturnsStatusHeadersAndBody() throws Exception {
    HttpResponse response =
        call(
            actor,
            new HttpRequest(
                "PUT",
                server.url("/echo?a=%20b"),
                Map.of("X-Multi-In", List.of("one", "two"), "Content-Type", List.of("text/x")),
                bytes("payload")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header().get("x-multi")).containsExactly("a", "b");
    assertThat(response.header().get("x-method")).containsExactly("PUT");
    assertThat(response.header()).allSatisfy((name, values) -> assertThat(name).isLowerCase());
    assertThat(response.body()).asString().isEqualTo("payload");
    LocalHttpServer.Received received = server.last;
    assertThat(received.method()).isEqualTo("PUT");
    assertThat(received.query()).isEqualTo("a=%20b");
    assertThat(received.headers().get("x-multi-in")).containsExactly("one", "two");
    assertThat(received.headers().get("content-type")).containsExactly("text/x");
    assertThat(received.body()).asString().isEqualTo("payload");
  }

  @Test
  void errorStatusesAreResponsesAndRedirectsAreFollowed() throws Exception {
    assertThat(call(actor, get(server.url("/status/418"))).statusCode()).isEqualTo(418);
    assertThat(call(actor, get(server.url("/status/503"))).statusCode()).isEqualTo(503);

    HttpResponse redirected = call(actor, get(server.url("/redirect")));
    assertThat(redirected.statusCode()).isEqualTo(200);
    assertThat(redirected.header().get("x-method")).containsExactly("GET");
  }

  @Test
  void headersTheClientSetsItselfAndInvalidOnesAreLeftOut() throws Exception {
    HttpResponse response =
        call(
            actor,
            new HttpRequest(
                "POST",
                server.url("/echo"),
                Map.of(
                    "Host", List.of("elsewhere.example"),
                    "Content-Length", List.of("999"),
                    "Connection", List.of("close"),
                    "Bad Name", List.of("x"),
                    "X-Split", List.of("a\r\nInjected: yes"),
                    "X-Fine", List.of("kept")),
                bytes("abc")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.last.headers().get("content-length")).containsExactly("3");
    assertThat(server.last.headers().get("x-fine")).containsExactly("kept");
    assertThat(server.last.headers()).doesNotContainKeys("bad name", "x-split", "injected");
    assertThat(server.last.headers().get("host"))
        .singleElement()
        .asString()
        .startsWith("127.0.0.1:");
  }

  @Test
  void aResponseSlowerThanTimeoutMsFails() throws Exception {
    String url = server.url("/hang");
    InvocationResponse response = invoke(tight, get(url));

    assertThat(response.error())
        .isEqualTo(
            "failed to send GET " + url + ": no complete response within 300 ms (TIMEOUT_MS)");
  }

  @Test
  void responseBodiesOverMaxBodyBytesFail() throws Exception {
    assertThat(call(tight, get(server.url("/bytes/1000"))).body()).hasSize(1000);
    assertThat(call(tight, get(server.url("/chunked/1000"))).body()).hasSize(1000);

    assertThat(invoke(tight, get(server.url("/bytes/1001"))).error())
        .endsWith(": the response body is too large (content-length 1001; MAX_BODY_BYTES is 1000)");
    assertThat(invoke(tight, get(server.url("/chunked/5000"))).error())
        .endsWith(
            ": the response body is too large (more than 1000 bytes; MAX_BODY_BYTES is 1000)");
    assertThat(call(actor, get(server.url("/bytes/5000"))).body()).hasSize(5000);
  }

  @Test
  void badUrlsAndMethodsAreRefusedWithAReason() throws Exception {
    assertThat(invoke(actor, get("not a url")).error())
        .startsWith("failed to send HttpClient.Request: invalid url 'not a url': ");
    assertThat(invoke(actor, get("ftp://example.com/file")).error())
        .isEqualTo(
            "failed to send HttpClient.Request: invalid url 'ftp://example.com/file': the scheme"
                + " must be http or https");
    assertThat(invoke(actor, get("/relative")).error())
        .isEqualTo(
            "failed to send HttpClient.Request: invalid url '/relative': the scheme must be http"
                + " or https");
    assertThat(invoke(actor, get("http:///nohost")).error()).endsWith("': it has no host");
    String url = server.url("/echo");
    assertThat(invoke(actor, new HttpRequest("GE T", url, Map.of(), null)).error())
        .isEqualTo(
            "failed to send GE T " + url + ": invalid method 'GE T': it is not an HTTP token");
    assertThat(invoke(actor, new HttpRequest("", url, Map.of(), null)).error())
        .isEqualTo(
            "failed to send  " + url + ": the method is empty; give one such as GET or POST");
    assertThat(invoke(actor, new HttpRequest("CONNECT", url, Map.of(), null)).error())
        .endsWith("invalid method 'CONNECT': tunnels are not supported");
  }

  @Test
  void aClosedPortFailsWithCouldNotConnect() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/";

    assertThat(invoke(actor, get(url)).error())
        .startsWith("failed to send GET " + url + ": could not connect");
  }

  @Test
  void aLinkWithMalformedValuesIsRefused() throws Exception {
    String refused = KeyPair.generate(KeyType.MODULE).publicKey();
    h.putLink(h.link(refused, Map.of("TIMEOUT_MS", "0")));
    String accepted = KeyPair.generate(KeyType.MODULE).publicKey();
    h.putLink(h.link(accepted, Map.of("TIMEOUT_MS", "1000")));
    org.awaitility.Awaitility.await()
        .atMost(ProviderHarness.TIMEOUT)
        .until(() -> h.isLinked(accepted));

    assertThat(h.isLinked(refused)).isFalse();
    assertThat(invoke(refused, get(server.url("/echo"))).error())
        .isEqualTo("unlinked actor: '" + refused + "'");
  }

  private HttpResponse call(String from, HttpRequest request) throws Exception {
    InvocationResponse response = invoke(from, request);
    assertThat(response.error()).as("error").isNull();
    return HttpClientCodec.decodeResponse(response.msg());
  }

  private InvocationResponse invoke(String from, HttpRequest request) throws Exception {
    return h.invoke(from, HttpClient.REQUEST, HttpClientCodec.encodeRequest(request));
  }

  private static HttpRequest get(String url) {
    return new HttpRequest("GET", url, Map.of(), null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
