package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.SetAdd}; the output is a bare {@code U32}, 1 if added. Wire keys:
 * {@code setName, value}.
 *
 * @param setName the set
 * @param value the member to add
 */
public record SetAddRequest(String setName, String value) {

  public SetAddRequest {
    setName = setName == null ? "" : setName;
    value = value == null ? "" : value;
  }
}
