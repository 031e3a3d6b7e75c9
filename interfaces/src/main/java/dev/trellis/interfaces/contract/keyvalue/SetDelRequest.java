package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.SetDel}; the output is a bare {@code U32}, 1 if removed. Wire keys:
 * {@code setName, value}.
 *
 * @param setName the set
 * @param value the member to remove
 */
public record SetDelRequest(String setName, String value) {

  public SetDelRequest {
    setName = setName == null ? "" : setName;
    value = value == null ? "" : value;
  }
}
