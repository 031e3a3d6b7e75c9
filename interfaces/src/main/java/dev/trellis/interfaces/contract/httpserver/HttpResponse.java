package dev.trellis.interfaces.contract.httpserver;

import dev.trellis.interfaces.contract.HeaderMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code HttpServer.HandleRequest}. Wire keys: {@code statusCode, header, body}.
 *
 * @param statusCode a {@code U16}, e.g. 200
 * @param header header name → values
 * @param body the response body (not copied; callers must not mutate it)
 */
public record HttpResponse(int statusCode, Map<String, List<String>> header, byte[] body) {

  public HttpResponse {
    if (statusCode < 0 || statusCode > 0xffff) {
      throw new IllegalArgumentException("statusCode must be a U16: " + statusCode);
    }
    header = HeaderMap.copyOf(header);
    body = body == null ? new byte[0] : body;
  }

  /** A 200 response with {@code body} and no headers. */
  public static HttpResponse ok(byte[] body) {
    return new HttpResponse(200, Map.of(), body);
  }
}
