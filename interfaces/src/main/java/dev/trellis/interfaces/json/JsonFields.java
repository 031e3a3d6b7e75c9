package dev.trellis.interfaces.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.DecodeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, tolerant reads from one JSON object, following OTP's {@code has_values}: a field exists
 * only if it is present and not {@code null}; unknown keys are ignored; a wrong type is an error
 * naming the field (never its value). The codecs of the wire records and of the control interface
 * share it; how a failure is reported is theirs to choose ({@link Failures}).
 */
public final class JsonFields {
  /** Turns a problem ("field 'x' is missing") into the exception a decoder throws. */
  @FunctionalInterface
  public interface Failures {
    DecodeException fail(String problem);

    /** A plain {@link DecodeException} for {@code type}, e.g. {@code HostData}. */
    static Failures of(String type) {
      return problem -> new DecodeException(type, problem);
    }
  }

  private final Failures errors;
  private final String prefix;
  private final JsonNode object;

  /**
   * @param errors how failures are reported
   * @param prefix prepended to field names in errors, e.g. {@code link_definitions[0].}
   */
  public JsonFields(Failures errors, String prefix, JsonNode object) {
    this.errors = errors;
    this.prefix = prefix;
    this.object = object;
  }

  /** The object read. */
  public JsonNode root() {
    return object;
  }

  /** The value of {@code field}, or null when absent or JSON null. */
  public JsonNode get(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? null : node;
  }

  public boolean has(String field) {
    return get(field) != null;
  }

  public String string(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw mismatch(field, "a string", node);
    }
    return node.textValue();
  }

  public String string(String field, String fallback) {
    String value = string(field);
    return value == null ? fallback : value;
  }

  public String requireString(String field) {
    String value = string(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  /** A string, or a number written as its decimal text (lenient reads of other writers). */
  public String stringOrNumber(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    throw mismatch(field, "a string", node);
  }

  /** A comma-joined string, or an array of strings joined with commas. */
  public String joinedStrings(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      return String.join(",", stringList(field));
    }
    throw mismatch(field, "a string", node);
  }

  /** An integer within {@code min..max}, or null when absent. */
  public Integer integer(String field, int min, int max) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.intValue() < min
        || node.intValue() > max) {
      throw mismatch(field, "an integer within " + min + ".." + max, node);
    }
    return node.intValue();
  }

  public int requireInteger(String field, int min, int max) {
    Integer value = integer(field, min, max);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  /** A non-negative integer that fits a long, or null when absent. */
  public Long unsignedLong(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw mismatch(field, "a non-negative integer", node);
    }
    return node.longValue();
  }

  public Boolean bool(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw mismatch(field, "a boolean", node);
    }
    return node.booleanValue();
  }

  /** A boolean, or a number where 0 is false (OTP writes {@code prov_rpc_tls} as 0). */
  public Boolean boolOrNumber(String field) {
    JsonNode node = get(field);
    if (node != null && node.isNumber()) {
      return node.doubleValue() != 0;
    }
    return bool(field);
  }

  /** An object of string values (a Rust {@code HashMap<String, String>}). */
  public Map<String, String> stringMap(String field) {
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

  public Map<String, String> stringMapOrEmpty(String field) {
    Map<String, String> map = stringMap(field);
    return map == null ? Map.of() : map;
  }

  public List<String> stringList(String field) {
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

  public JsonNode array(String field) {
    JsonNode node = get(field);
    if (node != null && !node.isArray()) {
      throw mismatch(field, "an array", node);
    }
    return node;
  }

  public JsonNode requireArray(String field) {
    JsonNode node = array(field);
    if (node == null) {
      throw missing(field);
    }
    return node;
  }

  /** The fields of the object at {@code field}[{@code index}]. */
  public JsonFields element(String field, int index, JsonNode item) {
    String path = prefix + field + "[" + index + "]";
    if (!item.isObject()) {
      throw errors.fail("field '" + path + "' must be an object, found " + JsonText.kind(item));
    }
    return new JsonFields(errors, path + ".", item);
  }

  /** The fields of the object at {@code field}, or null when absent. */
  public JsonFields object(String field) {
    JsonNode node = get(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw mismatch(field, "an object", node);
    }
    return new JsonFields(errors, prefix + field + ".", node);
  }

  public DecodeException missing(String field) {
    return errors.fail("field '" + prefix + field + "' is missing");
  }

  public DecodeException invalid(String field, String problem) {
    return errors.fail("field '" + prefix + field + "' " + problem);
  }

  public DecodeException mismatch(String field, String expected, JsonNode found) {
    return errors.fail(
        "field '" + prefix + field + "' must be " + expected + ", found " + JsonText.kind(found));
  }
}
