package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an HTTP exchange maps to {@code HttpServer.HandleRequest} (spec §9.1, which leaves the
 * details open; these follow wasmCloud's own provider, built on hyper, wherever it decides).
 *
 * <p>Request:
 *
 * <ul>
 *   <li>{@code method}: as sent ({@code GET}, {@code PATCH}, any token).
 *   <li>{@code path}: the raw path of the request target, without the query, not percent-decoded
 *       ({@code /a%20b} stays so). An absolute-form target ({@code http://host/p?q}) gives its
 *       path, {@code /} when it has none.
 *   <li>{@code queryString}: the raw text after the first {@code ?}, without the {@code ?}, not
 *       percent-decoded; {@code ""} when there is none.
 *   <li>{@code header}: every header, names lower-cased (HTTP/1.1 names ignore case; hyper does the
 *       same), each with all its values in arrival order; a repeated header is one name with
 *       several values (a comma-joined value stays one value). Bytes beyond ASCII are read as
 *       ISO-8859-1. A chunked body arrives without {@code transfer-encoding}, with the {@code
 *       content-length} of the whole body.
 *   <li>{@code body}: the whole body, bytes as sent.
 * </ul>
 *
 * <p>Response: {@code statusCode}, every header value and the body are sent as the actor gave them,
 * except:
 *
 * <ul>
 *   <li>a status outside 200..599 becomes a 500 (1xx are not final responses);
 *   <li>{@code content-length} is always the body's length, and the actor's {@code content-length},
 *       {@code transfer-encoding} and {@code connection} are left out: the server frames the body
 *       and manages the connection;
 *   <li>a header whose name or value HTTP cannot carry (a non-token name, CR or LF in a value) is
 *       left out and logged.
 * </ul>
 */
final class HttpMapping {
  /** Headers the server sets itself. */
  static final Set<String> SERVER_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection");

  private static final Logger LOG = LoggerFactory.getLogger(HttpMapping.class);

  private HttpMapping() {}

  static HttpRequest toContract(FullHttpRequest request) {
    String target = request.uri();
    String pathAndQuery = originForm(target);
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
    return new HttpRequest(
        request.method().name(),
        path,
        query,
        headers(request.headers()),
        ByteBufUtil.getBytes(request.content()));
  }

  /** The path and query of a request target; absolute-form targets lose scheme and authority. */
  static String originForm(String target) {
    if (target.startsWith("/") || target.equals("*")) {
      return target;
    }
    int scheme = target.indexOf("://");
    if (scheme < 0) {
      return target;
    }
    int authorityEnd = target.length();
    for (int i = scheme + 3; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '/' || c == '?') {
        authorityEnd = i;
        break;
      }
    }
    String rest = target.substring(authorityEnd);
    return rest.startsWith("/") ? rest : "/" + rest;
  }

  static Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      out.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(header.getValue());
    }
    return out;
  }

  /** The Netty response for {@code response}, framed with a content-length. */
  static FullHttpResponse toNetty(HttpResponse response, boolean keepAlive) {
    int status = response.statusCode();
    if (status < 200 || status > 599) {
      LOG.warn("invalid status from actor status={}; answering 500", status);
      return toNetty(PlainResponses.of(500, "invalid status code " + status), keepAlive);
    }
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(response.body()));
    HttpHeaders headers = out.headers();
    for (Map.Entry<String, List<String>> header : response.header().entrySet()) {
      String name = header.getKey();
      if (SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        try {
          headers.add(name, value);
        } catch (IllegalArgumentException e) {
          LOG.warn("response header left out name={} reason={}", name, e.getMessage());
        }
      }
    }
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    HttpUtil.setKeepAlive(out, keepAlive);
    return out;
  }
}
