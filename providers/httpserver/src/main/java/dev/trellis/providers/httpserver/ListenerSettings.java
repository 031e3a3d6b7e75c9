package dev.trellis.providers.httpserver;

import dev.trellis.provider.LinkValueException;
import dev.trellis.provider.LinkValues;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One actor's listener, read from its link values with wasmCloud's names (names ignore case).
 *
 * <ul>
 *   <li>{@code ADDRESS}: {@code host:port} to bind, e.g. {@code 0.0.0.0:8080} or {@code
 *       [::1]:8080}.
 *   <li>{@code PORT}: a port on {@code 127.0.0.1}; it overrides {@code ADDRESS}, as in wasmCloud.
 *   <li>Neither: {@code 127.0.0.1:8000}, wasmCloud's default.
 *   <li>{@code MAX_BODY_BYTES}: the largest request body in bytes; larger requests get 413. Also
 *       read as wasmCloud's {@code MAX_CONTENT_LEN}, which takes a {@code k}, {@code m} or {@code
 *       g} suffix (powers of 1024). Default 10 MiB, wasmCloud's; at most 500 MiB.
 *   <li>{@code TIMEOUT_MS}: how long to wait for the actor before answering 504. The SDK's call
 *       timeout bounds it: HostData's {@code default_rpc_timeout_ms} (2 s when absent; 13 s more
 *       for a request over 900 KiB, which goes through the object store), also the wait when unset.
 *       A longer {@code TIMEOUT_MS} changes nothing.
 * </ul>
 *
 * @param address where to listen (port 0: any free port)
 * @param maxBodyBytes the largest request body accepted
 * @param timeout how long to wait for the actor, or {@code null} for the SDK's timeout
 */
public record ListenerSettings(InetSocketAddress address, int maxBodyBytes, Duration timeout) {
  public static final String ADDRESS = "ADDRESS";
  public static final String PORT = "PORT";
  public static final String MAX_BODY_BYTES = "MAX_BODY_BYTES";
  public static final String MAX_CONTENT_LEN = "MAX_CONTENT_LEN";
  public static final String TIMEOUT_MS = "TIMEOUT_MS";

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8000;
  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
  public static final int MAX_MAX_BODY_BYTES = 500 * 1024 * 1024;
  static final long MAX_TIMEOUT_MS = Duration.ofHours(1).toMillis();

  public ListenerSettings {
    if (address == null) {
      throw new IllegalArgumentException("address must not be null");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * @throws LinkValueException if a value is malformed or out of range
   */
  public static ListenerSettings fromLinkValues(Map<String, String> values) {
    LinkValues link = LinkValues.of(values);
    InetSocketAddress address;
    Optional<String> port = link.get(PORT);
    if (port.isPresent()) {
      address = resolve(DEFAULT_HOST, port(PORT, port.get()), PORT, port.get());
    } else {
      address =
          link.get(ADDRESS)
              .map(ListenerSettings::parseAddress)
              .orElseGet(() -> resolve(DEFAULT_HOST, DEFAULT_PORT, ADDRESS, "(default)"));
    }
    long maxBody;
    if (link.get(MAX_BODY_BYTES).isPresent()) {
      maxBody = link.number(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 0, MAX_MAX_BODY_BYTES);
    } else {
      maxBody =
          link.get(MAX_CONTENT_LEN).map(ListenerSettings::size).orElse(DEFAULT_MAX_BODY_BYTES);
    }
    Duration timeout =
        link.get(TIMEOUT_MS).isPresent()
            ? Duration.ofMillis(link.number(TIMEOUT_MS, 0, 1, MAX_TIMEOUT_MS))
            : null;
    return new ListenerSettings(address, (int) maxBody, timeout);
  }

  /** Parses {@code host:port} or {@code [v6]:port}. */
  static InetSocketAddress parseAddress(String value) {
    String host;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
        throw badAddress(value);
      }
      host = value.substring(1, close);
      port = value.substring(close + 2);
    } else {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || value.indexOf(':') != colon) {
        throw badAddress(value);
      }
      host = value.substring(0, colon);
      port = value.substring(colon + 1);
    }
    return resolve(host, port(ADDRESS, port), ADDRESS, value);
  }

  private static int port(String name, String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new LinkValueException(
          "failed to read link value " + name + ": '" + text + "' is not a port number");
    }
    if (port < 0 || port > 65535) {
      throw new LinkValueException(
          "failed to read link value " + name + ": port " + port + " is not in 0..65535");
    }
    return port;
  }

  private static InetSocketAddress resolve(String host, int port, String name, String value) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new LinkValueException(
          "failed to read link value "
              + name
              + ": host '"
              + host
              + "' of '"
              + value
              + "' does not resolve; give an IP address such as 0.0.0.0");
    }
    return address;
  }

  private static LinkValueException badAddress(String value) {
    return new LinkValueException(
        "failed to read link value ADDRESS: '"
            + value
            + "' is not host:port; write it like 0.0.0.0:8080 or [::1]:8080");
  }

  /** wasmCloud's size syntax: a number of bytes, or with a k/m/g suffix (powers of 1024). */
  static int size(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    long unit = 1;
    String digits = lower;
    char last = lower.charAt(lower.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
      digits = lower.substring(0, lower.length() - 1);
    }
    long value;
    try {
      value = Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (ArithmeticException e) {
      value = Long.MAX_VALUE; // out of range below
    } catch (NumberFormatException e) {
      throw new LinkValueException(
          "failed to read link value MAX_CONTENT_LEN: '"
              + text
              + "' is not a size; write bytes, or a number with k, m or g");
    }
    if (value < 0 || value > MAX_MAX_BODY_BYTES) {
      throw new LinkValueException(
          "failed to read link value MAX_CONTENT_LEN: "
              + text
              + " is out of range; give at most "
              + MAX_MAX_BODY_BYTES
              + " bytes (500m)");
    }
    return (int) value;
  }
}
