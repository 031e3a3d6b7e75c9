package dev.trellis.providers.keyvalue.nats;

import java.util.Objects;

/** A bucket entry as read: the value itself, or a pointer to the object that holds it. */
sealed interface StoredEntry {

  /** When the key expires, in Unix milliseconds; 0 = never. */
  long expiresAtMillis();

  /** Whether the key has expired at {@code nowMillis}. */
  default boolean expiredAt(long nowMillis) {
    return expiresAtMillis() != 0 && expiresAtMillis() <= nowMillis;
  }

  /** The value, stored in the entry. */
  record Inline(StoredValue value) implements StoredEntry {
    public Inline {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public long expiresAtMillis() {
      return value.expiresAtMillis();
    }
  }

  /**
   * A value too large for one NATS message, stored in the bucket's object store under {@code
   * object}.
   */
  record Spilled(String object, long expiresAtMillis) implements StoredEntry {
    public Spilled {
      Objects.requireNonNull(object, "object");
    }
  }
}
