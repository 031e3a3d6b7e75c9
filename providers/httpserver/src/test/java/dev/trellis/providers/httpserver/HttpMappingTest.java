package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpMappingTest {

  @Test
  void requestTargetSplitsIntoRawPathAndQuery() {
    HttpRequest request = map("PATCH", "/a%2Fb/%7E?x=%20&y");

    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.path()).isEqualTo("/a%2Fb/%7E");
    assertThat(request.queryString()).isEqualTo("x=%20&y");
  }

  @Test
  void targetsWithoutPathOrQuery() {
    assertThat(HttpMapping.originForm("http://host")).isEqualTo("/");
    assertThat(HttpMapping.originForm("http://host?q")).isEqualTo("/?q");
    assertThat(HttpMapping.originForm("https://host:1/p")).isEqualTo("/p");
    assertThat(HttpMapping.originForm("*")).isEqualTo("*");
    assertThat(map("GET", "/").queryString()).isEmpty();
  }

  @Test
  void headerNamesAreLowerCasedAndRepeatsKeptInOrder() {
    DefaultFullHttpRequest netty =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    netty.headers().add("Accept", "a").add("ACCEPT", "b").add("X-One", "1, 2");

    HttpRequest request = HttpMapping.toContract(netty);

    assertThat(request.header())
        .containsOnly(Map.entry("accept", List.of("a", "b")), Map.entry("x-one", List.of("1, 2")));
  }

  @Test
  void responseKeepsStatusHeadersAndBodyButFramesItself() {
    FullHttpResponse netty =
        HttpMapping.toNetty(
            new HttpResponse(
                418,
                Map.of(
                    "Set-Cookie", List.of("a=1", "b=2"),
                    "Content-Length", List.of("999"),
                    "Transfer-Encoding", List.of("chunked"),
                    "Bad Name", List.of("x"),
                    "x-split", List.of("evil\r\nInjected: yes")),
                "tea".getBytes(StandardCharsets.UTF_8)),
            true);

    assertThat(netty.status().code()).isEqualTo(418);
    assertThat(netty.headers().getAll("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(netty.headers().get("content-length")).isEqualTo("3");
    assertThat(netty.headers().contains("transfer-encoding")).isFalse();
    assertThat(netty.headers().contains("Bad Name")).isFalse();
    assertThat(netty.headers().contains("x-split")).isFalse();
    assertThat(ByteBufUtil.getBytes(netty.content())).asString().isEqualTo("tea");
    netty.release();
  }

  @Test
  void statusOutside200To599Becomes500() {
    for (int status : new int[] {0, 100, 101, 199, 600, 65535}) {
      FullHttpResponse netty =
          HttpMapping.toNetty(new HttpResponse(status, Map.of(), new byte[0]), false);
      assertThat(netty.status().code()).as("status %d", status).isEqualTo(500);
      netty.release();
    }
  }

  private static HttpRequest map(String method, String uri) {
    DefaultFullHttpRequest netty =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri, Unpooled.EMPTY_BUFFER);
    return HttpMapping.toContract(netty);
  }
}
