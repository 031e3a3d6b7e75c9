package dev.trellis.providers.httpclient;

import dev.trellis.interfaces.contract.httpclient.HttpRequest;
import dev.trellis.provider.OperationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an actor's {@code HttpClient.Request} into a JDK request, refusing what cannot be sent with
 * a message the actor can act on.
 *
 * <ul>
 *   <li>{@code url}: absolute, scheme {@code http} or {@code https}, with a host; sent as given (no
 *       re-encoding).
 *   <li>{@code method}: verbatim (methods are case-sensitive); it must be an HTTP token and not
 *       {@code CONNECT}.
 *   <li>{@code headers}: every value of every name, in order. The names the JDK computes itself
 *       ({@code connection}, {@code content-length}, {@code expect}, {@code host}, {@code upgrade})
 *       are left out.
 *   <li>{@code body}: sent when not empty, whatever the method.
 *   <li>HTTP/1.1 for {@code http} urls; {@code https} offers HTTP/2 and falls back to 1.1.
 * </ul>
 */
final class OutboundRequests {
  /** The headers the JDK client sets itself and refuses from callers. */
  static final Set<String> CLIENT_SET_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final Logger LOG = LoggerFactory.getLogger(OutboundRequests.class);

  private OutboundRequests() {}

  /**
   * @throws OperationException if the url or the method cannot be sent
   */
  static java.net.http.HttpRequest build(HttpRequest request, ClientSettings settings) {
    URI uri = uri(request.url());
    String method = method(request);
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .version("https".equalsIgnoreCase(uri.getScheme()) ? Version.HTTP_2 : Version.HTTP_1_1);
    try {
      builder.method(
          method,
          request.body().length == 0
              ? BodyPublishers.noBody()
              : BodyPublishers.ofByteArray(request.body()));
    } catch (IllegalArgumentException e) {
      throw refused(request, "invalid method '" + method + "': " + e.getMessage());
    }
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (CLIENT_SET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        try {
          builder.header(name, value);
        } catch (IllegalArgumentException e) {
          LOG.warn("request header left out name={} reason={}", name, e.getMessage());
        }
      }
    }
    return builder.build();
  }

  private static URI uri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new OperationException(
          "failed to send HttpClient.Request: invalid url '" + url + "': " + e.getMessage());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new OperationException(
          "failed to send HttpClient.Request: invalid url '"
              + url
              + "': the scheme must be http or https");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new OperationException(
          "failed to send HttpClient.Request: invalid url '" + url + "': it has no host");
    }
    return uri;
  }

  private static String method(HttpRequest request) {
    String method = request.method();
    if (method.isEmpty()) {
      throw refused(request, "the method is empty; give one such as GET or POST");
    }
    for (int i = 0; i < method.length(); i++) {
      if (!isTokenChar(method.charAt(i))) {
        throw refused(request, "invalid method '" + method + "': it is not an HTTP token");
      }
    }
    if (method.equalsIgnoreCase("CONNECT")) {
      throw refused(request, "invalid method 'CONNECT': tunnels are not supported");
    }
    return method;
  }

  /** RFC 9110 {@code tchar}. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  static OperationException refused(HttpRequest request, String why) {
    return new OperationException(
        "failed to send " + request.method() + " " + request.url() + ": " + why);
  }
}
