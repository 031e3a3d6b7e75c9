package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Parsing and inspecting JSON in tests, independent of the code under test. */
final class JsonAssert {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAssert() {}

  static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    return tree(json.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The keys of an object, sorted. */
  static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The paths of every JSON null in {@code node}, e.g. {@code data.claims.version}. */
  static List<String> nulls(JsonNode node) {
    List<String> out = new ArrayList<>();
    collectNulls(node, "$", out);
    return out;
  }

  private static void collectNulls(JsonNode node, String path, List<String> out) {
    if (node.isNull()) {
      out.add(path);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> collectNulls(e.getValue(), path + "." + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNulls(node.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
