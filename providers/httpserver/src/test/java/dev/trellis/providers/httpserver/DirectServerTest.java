package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed-response server the benchmarks compare the actor path with (loopback sockets). */
class DirectServerTest {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void answersEveryRequestWithTheFixedResponse() throws Exception {
    HttpResponse fixed =
        new HttpResponse(
            200,
            Map.of("content-type", List.of("text/plain")),
            "hello".getBytes(StandardCharsets.UTF_8));
    try (DirectServer server =
        DirectServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fixed)) {
      URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/any?thing");

      var get = client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
      var post =
          client.send(
              HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString("body")).build(),
              BodyHandlers.ofString());

      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("hello");
      assertThat(get.headers().firstValue("content-type")).contains("text/plain");
      assertThat(post.body()).isEqualTo("hello");
    }
  }

  @Test
  void aTakenAddressFailsWithAClearMessage() {
    HttpResponse fixed = HttpResponse.ok(new byte[0]);
    try (DirectServer first =
        DirectServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fixed)) {
      assertThatThrownBy(() -> DirectServer.start(first.address(), fixed))
          .isInstanceOf(ListenerException.class)
          .hasMessageStartingWith("failed to listen on 127.0.0.1:" + first.address().getPort())
          .hasMessageEndingWith("choose another ADDRESS or PORT");
    }
  }
}
