package dev.trellis.providers.keyvalue.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * The Redis server of a link: link value {@code URL} (name matched without regard to case), {@code
 * redis://[user:password@]host[:port][/db]} or {@code rediss://…} for TLS; default {@link
 * #DEFAULT}. {@link #toString()} hides the password.
 *
 * @param uri the parsed url
 */
record RedisUrl(URI uri) {
  /** The url of a link without {@code URL}: a Redis on this machine's default port. */
  static final String DEFAULT = "redis://127.0.0.1:6379";

  RedisUrl {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException(
          "link value URL '"
              + redacted(uri)
              + "' is not a redis:// or rediss:// url; e.g. "
              + DEFAULT);
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException(
          "link value URL '" + redacted(uri) + "' names no host; e.g. " + DEFAULT);
    }
  }

  /**
   * The url of a link's values.
   *
   * @throws IllegalArgumentException if it is not a Redis url
   */
  static RedisUrl of(Map<String, String> linkValues) {
    String url = DEFAULT;
    for (Map.Entry<String, String> value : linkValues.entrySet()) {
      if (value.getKey().equalsIgnoreCase("URL") && !value.getValue().isBlank()) {
        url = value.getValue().strip();
      }
    }
    try {
      return new RedisUrl(new URI(url));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "link value URL is not a url (" + e.getReason() + "); e.g. " + DEFAULT);
    }
  }

  @Override
  public String toString() {
    return redacted(uri);
  }

  private static String redacted(URI uri) {
    String info = uri.getRawUserInfo();
    if (info == null) {
      return uri.toString();
    }
    int colon = info.indexOf(':');
    String shown = colon < 0 ? "***" : info.substring(0, colon) + ":***";
    return uri.toString().replace(info + "@", shown + "@");
  }
}
