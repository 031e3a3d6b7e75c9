package dev.trellis.interfaces.contract.keyvalue;

/**
 * The input of {@code KeyValue.ListRange}; the output is a bare array of strings. Wire keys: {@code
 * listName, start, stop}.
 *
 * @param listName the list
 * @param start first index, 0-based, inclusive
 * @param stop last index, inclusive
 */
public record ListRangeRequest(String listName, int start, int stop) {

  public ListRangeRequest {
    listName = listName == null ? "" : listName;
  }
}
