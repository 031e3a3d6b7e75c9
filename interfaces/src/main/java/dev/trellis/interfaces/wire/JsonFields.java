package dev.trellis.interfaces.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.DecodeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, tolerant reads from one JSON object: absent and {@code null} both mean absent, unknown
 * keys are ignored, a wrong type is a {@link DecodeException} naming the field (never its value).
 */
final class JsonFields {
  private final String type;
  private final String prefix;
  private final JsonNode object;

  /**
   * @param type what is decoded, e.g. {@code HostData}
   * @param prefix prepended to field names in errors, e.g. {@code link_definitions[0].}
   */
  JsonFields(String type, String prefix, JsonNode object) {
    this.type = type;
    this.prefix = prefix;
    this.object = object;
  }

  /** The value of {@code field}, or null when absent or JSON null. */
  JsonNode get(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? null : node;
  }

  String string(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw mismatch(field, "a string", node);
    }
    return node.textValue();
  }

  String requireString(String field) {
    String value = string(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  Boolean bool(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw mismatch(field, "a boolean", node);
    }
    return node.booleanValue();
  }

  /** A non-negative integer that fits a long (a Rust u64 in practice). */
  Long unsignedLong(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw mismatch(field, "a non-negative integer", node);
    }
    return node.longValue();
  }

  /** An object of string values (a Rust {@code HashMap<String, String>}). */
  Map<String, String> stringMap(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw mismatch(field, "an object", node);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw mismatch(field, "an object of strings", e.getValue());
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  List<String> stringList(String field) {
    JsonNode node = array(field);
    if (node == null) {
      return null;
    }
    List<String> out = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw mismatch(field, "an array of strings", item);
      }
      out.add(item.textValue());
    }
    return out;
  }

  JsonNode array(String field) {
    JsonNode node = get(field);
    if (node != null && !node.isArray()) {
      throw mismatch(field, "an array", node);
    }
    return node;
  }

  DecodeException missing(String field) {
    return new DecodeException(type, "field '" + prefix + field + "' is missing");
  }

  DecodeException mismatch(String field, String expected, JsonNode found) {
    return new DecodeException(
        type, "field '" + prefix + field + "' must be " + expected + ", found " + Json.kind(found));
  }
}
