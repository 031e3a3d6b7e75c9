package dev.trellis.interfaces.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON mapper of the wire records and the control interface. Parse errors are reported by
 * position only, never with the parser's message or cause, because those quote the input (which may
 * hold seeds or registry passwords).
 */
public final class JsonText {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonText() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON text of {@code node}. */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code text} into a JSON object.
   *
   * @param errors how to report a failure
   */
  public static JsonFields parseObject(String text, JsonFields.Failures errors) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw errors.fail("not valid JSON" + where(e.getLocation()));
    }
    if (node == null || !node.isObject()) {
      throw errors.fail("expected a JSON object, found " + (node == null ? "nothing" : kind(node)));
    }
    return new JsonFields(errors, "", node);
  }

  /** Compact UTF-8 JSON of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pretty-printed JSON text of {@code node}, for files people read. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator writing to {@code out} that can write trees. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return MAPPER.createGenerator(out);
  }

  /** Puts {@code items} as a JSON array of strings under {@code field}. */
  public static void putList(ObjectNode node, String field, List<String> items) {
    ArrayNode out = node.putArray(field);
    items.forEach(out::add);
  }

  /** Puts {@code map} as a JSON object under {@code field}, keys sorted. */
  public static void putMap(ObjectNode node, String field, Map<String, String> map) {
    ObjectNode out = node.putObject(field);
    new TreeMap<>(map).forEach(out::put);
  }

  /**
   * Parses {@code json} into a JSON object.
   *
   * @param errors how to report a failure
   */
  public static JsonFields parseObject(byte[] json, JsonFields.Failures errors) {
    if (json == null || json.length == 0) {
      throw errors.fail("the payload is empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw errors.fail("not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw errors.fail("not valid JSON text (bad character encoding)");
    }
    if (node == null || !node.isObject()) {
      throw errors.fail("expected a JSON object, found " + (node == null ? "nothing" : kind(node)));
    }
    return new JsonFields(errors, "", node);
  }

  /** The JSON type of {@code node} in lower case, for error messages. */
  public static String kind(JsonNode node) {
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
