package dev.trellis.providers.httpclient;

import dev.trellis.provider.LinkValueException;
import dev.trellis.provider.LinkValues;
import java.time.Duration;
import java.util.Map;

/**
 * How the provider calls out for one linked actor, read from the link's values (names ignore case).
 *
 * <ul>
 *   <li>{@code TIMEOUT_MS}: how long one request may take, connecting and reading the whole
 *       response included; default {@value #DEFAULT_TIMEOUT_MS} (30 s).
 *   <li>{@code MAX_BODY_BYTES}: the largest response body accepted; default {@value
 *       #DEFAULT_MAX_BODY_BYTES} (10 MiB, the body limit of wasmCloud's HTTP server provider).
 * </ul>
 *
 * @param timeout the deadline of one request
 * @param maxBodyBytes the largest response body read
 */
public record ClientSettings(Duration timeout, int maxBodyBytes) {
  public static final String TIMEOUT_MS = "TIMEOUT_MS";
  public static final String MAX_BODY_BYTES = "MAX_BODY_BYTES";
  public static final long DEFAULT_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** A response body is kept in memory and handed to the actor: 500 MiB is plenty. */
  static final int MAX_MAX_BODY_BYTES = 500 * 1024 * 1024;

  static final long MAX_TIMEOUT_MS = Duration.ofHours(1).toMillis();

  public ClientSettings {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
    }
  }

  /** The defaults: 30 s, 10 MiB. */
  public static ClientSettings defaults() {
    return new ClientSettings(Duration.ofMillis(DEFAULT_TIMEOUT_MS), DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @throws LinkValueException if a value is malformed or out of range
   */
  public static ClientSettings fromLinkValues(Map<String, String> values) {
    LinkValues link = LinkValues.of(values);
    long timeoutMs = link.number(TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
    long maxBody = link.number(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 0, MAX_MAX_BODY_BYTES);
    return new ClientSettings(Duration.ofMillis(timeoutMs), (int) maxBody);
  }
}
