package dev.trellis.interfaces.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Smithy {@code HeaderMap} of the HTTP contracts: header name → all its values. Records hold it
 * as an immutable {@code Map<String, List<String>>}.
 */
public final class HeaderMap {
  private HeaderMap() {}

  /** An immutable deep copy; {@code null} becomes the empty map, a null value list an empty one. */
  public static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
    return Map.copyOf(copy);
  }

  /** A header map holding one value per name. */
  public static Map<String, List<String>> ofSingle(Map<String, String> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k, List.of(v)));
    return Map.copyOf(copy);
  }
}
