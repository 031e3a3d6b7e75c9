package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The responses the server writes itself: a status and one short line of plain text saying why.
 * They never carry payloads, keys or stack traces.
 */
final class PlainResponses {
  /** Longest error text of an actor passed on in a 500 body. */
  static final int MAX_TEXT = 512;

  private static final Map<String, List<String>> TEXT_PLAIN =
      Map.of("content-type", List.of("text/plain; charset=utf-8"));

  private PlainResponses() {}

  static HttpResponse of(int status, String text) {
    String line = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    return new HttpResponse(status, TEXT_PLAIN, (line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse actorFailed(String error) {
    return of(500, error);
  }

  static HttpResponse actorUnavailable() {
    return of(503, "the actor is not running");
  }

  static HttpResponse actorTimedOut(long timeoutMs) {
    return of(504, "the actor did not answer within " + timeoutMs + " ms");
  }

  static HttpResponse busy() {
    return of(503, "too many requests in progress; retry later");
  }

  static HttpResponse tooLarge(int maxBodyBytes) {
    return of(413, "the request body is larger than " + maxBodyBytes + " bytes");
  }
}
