package dev.trellis.interfaces;

import java.util.Objects;

/**
 * A secret string, such as an nkey seed or a NATS user seed, whose {@link #toString()} never shows
 * the value. Records holding a {@code Secret} can therefore be logged safely. Read the value only
 * where it is used, with {@link #reveal()}.
 */
public final class Secret {
  private static final Secret EMPTY = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value}; {@code null} becomes the empty secret. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? EMPTY : new Secret(value);
  }

  /** The empty secret (no value configured). */
  public static Secret empty() {
    return EMPTY;
  }

  /** The secret value itself. Never log or print it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** {@code Secret[empty]} or {@code Secret[redacted]}; never the value. */
  @Override
  public String toString() {
    return value.isEmpty() ? "Secret[empty]" : "Secret[redacted]";
  }
}
