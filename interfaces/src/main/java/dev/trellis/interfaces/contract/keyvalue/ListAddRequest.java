package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.ListAdd}; the output is the new length (a bare {@code U32}). Wire
 * keys: {@code listName, value}.
 *
 * @param listName the list
 * @param value the value to append
 */
public record ListAddRequest(String listName, String value) {

  public ListAddRequest {
    listName = listName == null ? "" : listName;
    value = value == null ? "" : value;
  }
}
