package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.StandInActor;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only a hand-written request shows: pipelining, odd targets, limits on the wire. */
@WithNats
class RawHttpIT {
  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();
  private ProviderHarness h;
  private StandInActor standIn;
  private int port;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID);
    standIn =
        h.actor(
            actor,
            HttpServerIT.answer(
                request ->
                    new HttpResponse(
                        200,
                        Map.of("x-path", List.of(request.path())),
                        HttpServerIT.bytes(request.path() + "?" + request.queryString()))));
    HttpServerProvider provider = new HttpServerProvider();
    h.start(provider, h.link(actor, Map.of("ADDRESS", "127.0.0.1:0", "MAX_BODY_BYTES", "100")));
    port = provider.listenerAddress(actor).orElseThrow().getPort();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    String responses =
        exchange(
            "GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /second?b HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(responses.indexOf("/first?")).isLessThan(responses.indexOf("/second?b"));
    assertThat(responses.indexOf("/second?b")).isLessThan(responses.indexOf("/third?"));
    assertThat(responses.split("HTTP/1.1 200 OK", -1)).hasSize(4);
    assertThat(standIn.received()).hasSize(3);
  }

  @Test
  void anAbsoluteFormTargetGivesItsPathAndQuery() throws Exception {
    String response =
        exchange(
            "GET http://example.com:8080/abs/path?q=%41 HTTP/1.1\r\nHost: example.com\r\n"
                + "Connection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("/abs/path?q=%41");
    HttpRequest request = HttpServerCodec.decodeRequest(standIn.received().get(0).msg());
    assertThat(request.path()).isEqualTo("/abs/path");
    assertThat(request.queryString()).isEqualTo("q=%41");
  }

  @Test
  void anEmptyQueryAndAQuestionMarkInTheQueryStayRaw() throws Exception {
    exchange(
        "GET /p? HTTP/1.1\r\nHost: x\r\n\r\nGET /p?a=?b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    HttpRequest empty = HttpServerCodec.decodeRequest(standIn.received().get(0).msg());
    HttpRequest nested = HttpServerCodec.decodeRequest(standIn.received().get(1).msg());
    assertThat(empty.path()).isEqualTo("/p");
    assertThat(empty.queryString()).isEmpty();
    assertThat(nested.queryString()).isEqualTo("a=?b");
  }

  @Test
  void aChunkedBodyOverTheLimitGets413AndTheConnectionCloses() throws Exception {
    String chunk = "x".repeat(60);
    String response =
        exchange(
            "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3c\r\n"
                + chunk
                + "\r\n3c\r\n"
                + chunk
                + "\r\n0\r\n\r\n");

    assertThat(response)
        .startsWith("HTTP/1.1 413 Request Entity Too Large")
        .endsWith("the request body is larger than 100 bytes\n");
    assertThat(standIn.received()).isEmpty();
  }

  @Test
  void expect100ContinueOverTheLimitIsRefusedBeforeTheBody() throws Exception {
    String response =
        exchange(
            "PUT /e HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
    assertThat(standIn.received()).isEmpty();
  }

  @Test
  void oversizedHeadersGet431() throws Exception {
    String response =
        exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 431");
    assertThat(standIn.received()).isEmpty();
  }

  /** Writes {@code request} and reads until the server closes the connection. */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) ProviderHarness.TIMEOUT.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
