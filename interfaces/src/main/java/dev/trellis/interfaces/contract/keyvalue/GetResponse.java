package dev.trellis.interfaces.contract.keyvalue;

/**
 * The output of {@code KeyValue.Get}: {@code value} is {@code ""} when the key does not exist. Wire
 * keys: {@code value, exists}.
 *
 * @param value the value, {@code ""} if not found
 * @param exists whether the key exists
 */
public record GetResponse(String value, boolean exists) {

  public GetResponse {
    value = value == null ? "" : value;
  }
}
