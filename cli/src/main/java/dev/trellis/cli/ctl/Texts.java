package dev.trellis.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small text renderings shared by the control-plane commands. */
final class Texts {
  private Texts() {}

  /** {@code k=v, k=v}, sorted by key; {@code hostcore.*} labels last. */
  static String pairs(Map<String, String> map) {
    TreeMap<String, String> sorted = new TreeMap<>(Texts::labelOrder);
    sorted.putAll(map);
    return sorted.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The string map in a JSON object field; empty when absent. */
  static Map<String, String> map(JsonNode node, String field) {
    Map<String, String> map = new TreeMap<>();
    JsonNode object = node.get(field);
    if (object != null && object.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        map.put(e.getKey(), e.getValue().asText());
      }
    }
    return map;
  }

  /** A text field; {@code ""} when absent or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  /** {@code 1 hour, 5 minutes}: the two largest units of {@code seconds}. */
  static String duration(long seconds) {
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] names = {"day", "hour", "minute", "second"};
    StringBuilder out = new StringBuilder();
    int parts = 0;
    long left = seconds;
    for (int i = 0; i < sizes.length && parts < 2; i++) {
      long n = left / sizes[i];
      left %= sizes[i];
      if (n > 0 || (i == sizes.length - 1 && parts == 0)) {
        out.append(parts > 0 ? ", " : "").append(n).append(' ').append(names[i]);
        out.append(n == 1 ? "" : "s");
        parts++;
      }
    }
    return out.toString();
  }

  private static int labelOrder(String a, String b) {
    boolean coreA = a.startsWith("hostcore.");
    boolean coreB = b.startsWith("hostcore.");
    return coreA == coreB ? a.compareTo(b) : coreA ? 1 : -1;
  }
}
