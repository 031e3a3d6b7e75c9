package dev.trellis.interfaces.contract.httpserver;

import dev.trellis.interfaces.contract.HeaderMap;
import java.util.List;
import java.util.Map;

/**
 * The input of {@code HttpServer.HandleRequest}. Wire keys: {@code method, path, queryString,
 * header, body}.
 *
 * @param method {@code GET}, {@code POST}…
 * @param path the full request path
 * @param queryString the query, may be {@code ""}
 * @param header header name → values
 * @param body the request body (not copied; callers must not mutate it)
 */
public record HttpRequest(
    String method, String path, String queryString, Map<String, List<String>> header, byte[] body) {

  public HttpRequest {
    method = method == null ? "" : method;
    path = path == null ? "" : path;
    queryString = queryString == null ? "" : queryString;
    header = HeaderMap.copyOf(header);
    body = body == null ? new byte[0] : body;
  }
}
