package dev.trellis.interfaces.contract.httpclient;

import dev.trellis.interfaces.contract.HeaderMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code HttpClient.Request}. Wire keys: {@code statusCode, header, body} ({@code
 * header}, singular).
 *
 * @param statusCode a {@code U16}
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
}
