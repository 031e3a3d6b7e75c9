package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.Set}. Wire keys: {@code key, value, expires}.
 *
 * @param key the key
 * @param value the value
 * @param expires a {@code U32}: seconds until expiry, 0 = never
 */
public record SetRequest(String key, String value, long expires) {

  public SetRequest {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
    if (expires < 0 || expires > 0xffff_ffffL) {
      throw new IllegalArgumentException("expires must be a U32: " + expires);
    }
  }
}
