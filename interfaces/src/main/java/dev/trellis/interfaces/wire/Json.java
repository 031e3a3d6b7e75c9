package dev.trellis.interfaces.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON side of the wire records (HostData, links in HostData and in the KV bucket). One shared
 * mapper; parse errors are reported by position only, never with the parser's message or cause,
 * because those quote the input and HostData holds seeds.
 */
final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON text of {@code node}. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code text} into a JSON object, or throws a DecodeException for {@code type}. */
  static ObjectNode parseObject(String text, String type) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new DecodeException(type, "not valid JSON" + where(e.getLocation()));
    }
    if (node == null || !node.isObject()) {
      throw new DecodeException(
          type, "expected a JSON object, found " + (node == null ? "nothing" : kind(node)));
    }
    return (ObjectNode) node;
  }

  /** The JSON type of {@code node} in lower case, for error messages. */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case MISSING -> "nothing";
      case POJO, BINARY -> "a value";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + " column " + location.getColumnNr();
  }
}
