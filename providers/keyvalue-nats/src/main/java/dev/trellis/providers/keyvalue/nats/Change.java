package dev.trellis.providers.keyvalue.nats;

/**
 * What an operation does to one key, decided from the key's current value: leave it, store a new
 * value, or remove it; and what the operation returns.
 *
 * @param write whether the key changes
 * @param next the new value, or {@code null} to remove the key (when {@code write})
 * @param result the operation's result
 */
record Change<T>(boolean write, StoredValue next, T result) {

  static <T> Change<T> keep(T result) {
    return new Change<>(false, null, result);
  }

  static <T> Change<T> store(StoredValue next, T result) {
    if (next == null) {
      throw new IllegalArgumentException("store needs a value; use remove to delete the key");
    }
    return new Change<>(true, next, result);
  }

  static <T> Change<T> remove(T result) {
    return new Change<>(true, null, result);
  }
}
