package dev.trellis.interfaces.contract.httpclient;

import dev.trellis.interfaces.contract.HeaderMap;
import java.util.List;
import java.util.Map;

/**
 * The input of {@code HttpClient.Request}. Wire keys: {@code method, url, headers, body} (note
 * {@code headers}, plural, unlike every other HTTP shape).
 *
 * @param method {@code GET}, {@code POST}…
 * @param url the absolute URL to call
 * @param headers header name → values
 * @param body the request body (not copied; callers must not mutate it)
 */
public record HttpRequest(
    String method, String url, Map<String, List<String>> headers, byte[] body) {

  public HttpRequest {
    method = method == null ? "" : method;
    url = url == null ? "" : url;
    headers = HeaderMap.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }
}
