package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.Increment}; the output is the new value (a bare {@code I32}). Wire
 * keys: {@code key, value}.
 *
 * @param key the key
 * @param value the amount to add (an {@code I32}, may be negative)
 */
public record IncrementRequest(String key, int value) {

  public IncrementRequest {
    key = key == null ? "" : key;
  }
}
