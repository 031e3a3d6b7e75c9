package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient typed reads from one JSON object of an event, so that events of older and other hosts
 * decode: absent and {@code null} both mean absent and read as {@code ""}, 0 or empty; unknown keys
 * are ignored; a value of the wrong type is a {@link DecodeException} naming the field (never its
 * value).
 */
final class EventFields {
  private final String type;
  private final String prefix;
  private final JsonNode object;

  EventFields(String type, String prefix, JsonNode object) {
    this.type = type;
    this.prefix = prefix;
    this.object = object;
  }

  /** The fields of {@code node}, which must be an object. */
  static EventFields of(String type, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new DecodeException(
          type,
          "expected a JSON object, found " + (node == null ? "nothing" : JsonText.kind(node)));
    }
    return new EventFields(type, "", node);
  }

  JsonNode get(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? null : node;
  }

  /** A string; {@code ""} when absent. */
  String text(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return "";
    }
    if (!node.isTextual()) {
      throw mismatch(field, "a string", node);
    }
    return node.textValue();
  }

  /** A string that must be present and not {@code null}. */
  String requireText(String field) {
    if (get(field) == null) {
      throw missing(field);
    }
    return text(field);
  }

  /** An integer; 0 when absent. */
  long longValue(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw mismatch(field, "an integer", node);
    }
    return node.longValue();
  }

  /** A 32-bit integer; 0 when absent. */
  int intValue(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw mismatch(field, "a 32-bit integer", node);
    }
    return node.intValue();
  }

  /** An object of strings; empty when absent. */
  Map<String, String> stringMap(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return Map.of();
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

  /** An object of 32-bit integers (the heartbeat's actor counts); empty when absent. */
  Map<String, Integer> intMap(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw mismatch(field, "an object", node);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw mismatch(field, "an object of integers", v);
      }
      out.put(e.getKey(), v.intValue());
    }
    return out;
  }

  /** An array of strings; empty when absent. */
  List<String> stringList(String field) {
    JsonNode node = array(field);
    List<String> out = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw mismatch(field, "an array of strings", item);
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** An array; an empty one when absent. */
  JsonNode array(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return JsonText.object().arrayNode();
    }
    if (!node.isArray()) {
      throw mismatch(field, "an array", node);
    }
    return node;
  }

  /** The fields of the object at {@code field}; an empty object's when absent. */
  EventFields object(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return new EventFields(type, prefix + field + ".", JsonText.object());
    }
    if (!node.isObject()) {
      throw mismatch(field, "an object", node);
    }
    return new EventFields(type, prefix + field + ".", node);
  }

  EventFields element(String field, int index, JsonNode item) {
    String path = prefix + field + "[" + index + "]";
    if (!item.isObject()) {
      throw new DecodeException(
          type, "field '" + path + "' must be an object, found " + JsonText.kind(item));
    }
    return new EventFields(type, path + ".", item);
  }

  DecodeException missing(String field) {
    return new DecodeException(type, "field '" + prefix + field + "' is missing");
  }

  DecodeException mismatch(String field, String expected, JsonNode found) {
    return new DecodeException(
        type,
        "field '" + prefix + field + "' must be " + expected + ", found " + JsonText.kind(found));
  }
}
