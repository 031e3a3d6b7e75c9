package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.ListDel}: removes the first occurrence; the output is a bare bool.
 * Wire keys: {@code listName, value}.
 *
 * @param listName the list
 * @param value the value to remove
 */
public record ListDelRequest(String listName, String value) {

  public ListDelRequest {
    listName = listName == null ? "" : listName;
    value = value == null ? "" : value;
  }
}
