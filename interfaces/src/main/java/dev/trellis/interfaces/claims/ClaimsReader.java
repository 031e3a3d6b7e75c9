package dev.trellis.interfaces.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a claims JSON tree into typed claims with serde's rules: unknown keys ignored, {@code null}
 * and absence alike for optional fields, required fields required, integers within their Rust types
 * ({@code u64} times, {@code u32} revision, {@code i32} rev). Times above {@code Long.MAX_VALUE}
 * are rejected (serde would accept them up to 2^64-1; no real token has one).
 */
final class ClaimsReader {
  private final JsonNode node;
  private final String where;

  private ClaimsReader(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  static <T extends Metadata> Claims<T> read(JsonNode root, Class<T> kind) {
    if (kind != ActorMetadata.class
        && kind != ProviderMetadata.class
        && kind != InvocationMetadata.class) {
      throw new IllegalArgumentException(
          "failed to read claims: " + kind + " is not a metadata record type");
    }
    ClaimsReader top = object(root, "claims");
    Long exp = top.optionalUnsigned("exp", Long.MAX_VALUE);
    String jti = top.requiredString("jti");
    Long iat = top.requiredUnsigned("iat", Long.MAX_VALUE);
    String iss = top.requiredString("iss");
    String sub = top.requiredString("sub");
    Long nbf = top.optionalUnsigned("nbf", Long.MAX_VALUE);
    JsonNode wascap = top.node.get("wascap");
    T metadata = wascap == null || wascap.isNull() ? null : metadata(wascap, kind);
    Long revision = top.optionalUnsigned("wascap_revision", 0xFFFF_FFFFL);
    return new Claims<>(
        exp, jti, iat, iss, sub, nbf, metadata, revision == null ? null : (int) (long) revision);
  }

  private static <T extends Metadata> T metadata(JsonNode wascap, Class<T> kind) {
    ClaimsReader r = object(wascap, "wascap");
    Metadata result;
    if (kind == InvocationMetadata.class) {
      result =
          new InvocationMetadata(
              r.requiredString("target_url"),
              r.requiredString("origin_url"),
              r.requiredString("hash"));
    } else if (kind == ActorMetadata.class) {
      result =
          new ActorMetadata(
              r.optionalString("name"),
              r.requiredString("hash"),
              r.optionalStrings("tags"),
              r.optionalStrings("caps"),
              r.optionalInt("rev"),
              r.optionalString("ver"),
              r.optionalString("call_alias"),
              r.optionalBoolean("prov"));
    } else if (kind == ProviderMetadata.class) {
      JsonNode schema = r.node.get("config_schema");
      result =
          new ProviderMetadata(
              r.optionalString("name"),
              r.requiredString("capid"),
              r.requiredString("vendor"),
              r.optionalInt("rev"),
              r.optionalString("ver"),
              r.requiredStringMap("target_hashes"),
              schema == null || schema.isNull() ? null : schema.toString());
    } else {
      throw new IllegalArgumentException("unknown metadata type " + kind);
    }
    return kind.cast(result);
  }

  private static ClaimsReader object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw malformed("invalid type: " + describe(node) + ", expected a JSON object for " + where);
    }
    return new ClaimsReader(node, where);
  }

  private String requiredString(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw missing(name);
    }
    return asString(name, value);
  }

  private String optionalString(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : asString(name, value);
  }

  private String asString(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw invalid(name, value, "a string");
    }
    return value.textValue();
  }

  private List<String> optionalStrings(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw invalid(name, value, "a sequence of strings");
    }
    List<String> result = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      result.add(asString(name, item));
    }
    return result;
  }

  private Map<String, String> requiredStringMap(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw missing(name);
    }
    if (!value.isObject()) {
      throw invalid(name, value, "a map of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      result.put(entry.getKey(), asString(name, entry.getValue()));
    }
    return result;
  }

  private Long requiredUnsigned(String name, long max) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw missing(name);
    }
    return asUnsigned(name, value, max);
  }

  private Long optionalUnsigned(String name, long max) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : asUnsigned(name, value, max);
  }

  private long asUnsigned(String name, JsonNode value, long max) {
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < 0
        || value.longValue() > max) {
      throw invalid(name, value, "an unsigned integer up to " + max);
    }
    return value.longValue();
  }

  private Integer optionalInt(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid(name, value, "i32");
    }
    return value.intValue();
  }

  private boolean optionalBoolean(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw invalid(name, value, "a boolean");
    }
    return value.booleanValue();
  }

  private MalformedTokenException missing(String name) {
    return malformed("missing field `" + name + "` in " + where);
  }

  private MalformedTokenException invalid(String name, JsonNode value, String expected) {
    return malformed(
        "invalid type: " + describe(value) + ", expected " + expected + " for `" + name + "`");
  }

  private static MalformedTokenException malformed(String cause) {
    return new MalformedTokenException(
        "failed to decode claims token: " + cause, "Serialization error: " + cause);
  }

  private static String describe(JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer " + value.asText() : "floating point";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case ARRAY -> "sequence";
      case OBJECT -> "map";
      default -> value.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }
}
