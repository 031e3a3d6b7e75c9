package dev.trellis.interfaces.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shared JSON mapper of events; parse errors are reported by position only. */
final class EventJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final ArrayNode EMPTY_ARRAY = MAPPER.createArrayNode();
  private static final ObjectNode EMPTY_OBJECT = MAPPER.createObjectNode();

  private EventJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode emptyArray() {
    return EMPTY_ARRAY;
  }

  static ObjectNode emptyObject() {
    return EMPTY_OBJECT;
  }

  /** A generator writing to {@code out} that can write trees. */
  static JsonGenerator generator(OutputStream out) throws IOException {
    return MAPPER.createGenerator(out);
  }

  static void putMap(ObjectNode node, String field, Map<String, String> map) {
    ObjectNode out = node.putObject(field);
    new TreeMap<>(map).forEach(out::put);
  }

  static void putList(ObjectNode node, String field, List<String> items) {
    ArrayNode out = node.putArray(field);
    items.forEach(out::add);
  }

  /** Parses {@code json} into a JSON object, or throws a DecodeException for {@code type}. */
  static JsonNode parseObject(byte[] json, String type) {
    if (json == null || json.length == 0) {
      throw new DecodeException(type, "the payload is empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new DecodeException(type, "not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw new DecodeException(type, "not valid JSON text (bad character encoding)");
    }
    if (node == null || !node.isObject()) {
      throw new DecodeException(
          type,
          "expected a JSON object, found " + (node == null ? "nothing" : EventFields.kind(node)));
    }
    return node;
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + " column " + location.getColumnNr();
  }
}
