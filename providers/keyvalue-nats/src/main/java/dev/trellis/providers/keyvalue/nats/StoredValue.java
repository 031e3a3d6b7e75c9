package dev.trellis.providers.keyvalue.nats;

import java.util.List;
import java.util.Objects;

/**
 * What one key holds: a string, a list or a set (members in insertion order), and when it expires.
 *
 * @param kind what the key holds
 * @param text the string ({@link Kind#STRING}), else {@code ""}
 * @param items the items of a list or the members of a set, else empty
 * @param expiresAtMillis when the key expires, in Unix milliseconds; 0 = never
 */
record StoredValue(Kind kind, String text, List<String> items, long expiresAtMillis) {

  /** What a key holds; {@link #label()} names it in error messages. */
  enum Kind {
    STRING("string", "string value"),
    LIST("list", "list"),
    SET("set", "set");

    private final String wire;
    private final String label;

    Kind(String wire, String label) {
      this.wire = wire;
      this.label = label;
    }

    /** The name stored in the entry. */
    String wire() {
      return wire;
    }

    /** "string value", "list" or "set". */
    String label() {
      return label;
    }

    static Kind ofWire(String wire) {
      for (Kind kind : values()) {
        if (kind.wire.equals(wire)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown kind '" + wire + "'");
    }
  }

  StoredValue {
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text;
    items = List.copyOf(items == null ? List.of() : items);
    if (expiresAtMillis < 0) {
      throw new IllegalArgumentException("expiresAtMillis must be >= 0: " + expiresAtMillis);
    }
  }

  static StoredValue string(String text, long expiresAtMillis) {
    return new StoredValue(Kind.STRING, text, List.of(), expiresAtMillis);
  }

  static StoredValue list(List<String> items) {
    return new StoredValue(Kind.LIST, "", items, 0);
  }

  static StoredValue set(List<String> members) {
    return new StoredValue(Kind.SET, "", members, 0);
  }

  /** Whether the key has expired at {@code nowMillis}. */
  boolean expiredAt(long nowMillis) {
    return expiresAtMillis != 0 && expiresAtMillis <= nowMillis;
  }

  /** The same kind and expiry with other items. */
  StoredValue withItems(List<String> newItems) {
    return new StoredValue(kind, text, newItems, expiresAtMillis);
  }

  /** The same kind and expiry with another string. */
  StoredValue withText(String newText) {
    return new StoredValue(kind, newText, items, expiresAtMillis);
  }
}
