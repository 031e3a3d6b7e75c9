package dev.trellis.interfaces.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON text for claims, written byte for byte as {@code serde_json::to_string} writes it (compact,
 * fields in declaration order, serde's string escapes) so that signatures over our tokens match
 * those made by wascap for the same claims. Reading is strict like serde: no duplicate keys, no
 * trailing content, valid UTF-8.
 */
final class ClaimsJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ClaimsJson() {}

  /** Parses UTF-8 JSON text into a tree. */
  static JsonNode parse(byte[] utf8, String what) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedTokenException(
          "failed to decode " + what + ": not valid UTF-8",
          "UTF8 error: invalid utf-8 sequence",
          e);
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String cause = e.getOriginalMessage();
      throw new MalformedTokenException(
          "failed to decode " + what + ": invalid JSON: " + cause,
          "Serialization error: " + cause,
          e);
    }
  }

  /** Normalizes JSON text to the compact serde form; rejects text that is not JSON. */
  static String compactJson(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("config schema is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("config schema is not valid JSON: empty text");
    }
    StringBuilder out = new StringBuilder();
    writeNode(out, node);
    return out.toString();
  }

  static String write(Claims<?> claims) {
    StringBuilder out = new StringBuilder(512);
    Fields fields = new Fields(out);
    if (claims.expires() != null) {
      fields.name("exp").append(Long.toUnsignedString(claims.expires()));
    }
    string(fields.name("jti"), claims.jti());
    fields.name("iat").append(Long.toUnsignedString(claims.issuedAt()));
    string(fields.name("iss"), claims.issuer());
    string(fields.name("sub"), claims.subject());
    if (claims.notBefore() != null) {
      fields.name("nbf").append(Long.toUnsignedString(claims.notBefore()));
    }
    if (claims.metadata() != null) {
      writeMetadata(fields.name("wascap"), claims.metadata());
    }
    if (claims.wascapRevision() != null) {
      fields.name("wascap_revision").append(Integer.toUnsignedString(claims.wascapRevision()));
    }
    return fields.close();
  }

  private static void writeMetadata(StringBuilder out, Metadata metadata) {
    Fields fields = new Fields(out);
    if (metadata instanceof InvocationMetadata inv) {
      string(fields.name("target_url"), inv.targetUrl());
      string(fields.name("origin_url"), inv.originUrl());
      string(fields.name("hash"), inv.hash());
    } else if (metadata instanceof ActorMetadata actor) {
      optionalString(fields, "name", actor.name());
      string(fields.name("hash"), actor.hash());
      if (actor.tags() != null) {
        stringArray(fields.name("tags"), actor.tags());
      }
      if (actor.caps() != null) {
        stringArray(fields.name("caps"), actor.caps());
      }
      if (actor.rev() != null) {
        fields.name("rev").append(actor.rev());
      }
      optionalString(fields, "ver", actor.ver());
      optionalString(fields, "call_alias", actor.callAlias());
      fields.name("prov").append(actor.provider());
    } else if (metadata instanceof ProviderMetadata provider) {
      StringBuilder name = fields.name("name");
      if (provider.name() == null) {
        name.append("null");
      } else {
        string(name, provider.name());
      }
      string(fields.name("capid"), provider.capid());
      string(fields.name("vendor"), provider.vendor());
      if (provider.rev() != null) {
        fields.name("rev").append(provider.rev());
      }
      optionalString(fields, "ver", provider.ver());
      Fields hashes = new Fields(fields.name("target_hashes"));
      // serde writes a HashMap in arbitrary order; sorted keys make our output reproducible.
      provider.targetHashes().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> string(hashes.name(e.getKey()), e.getValue()));
      hashes.close();
      if (provider.configSchema() != null) {
        fields.name("config_schema").append(provider.configSchema());
      }
    }
    fields.close();
  }

  private static void optionalString(Fields fields, String name, String value) {
    if (value != null) {
      string(fields.name(name), value);
    }
  }

  private static void stringArray(StringBuilder out, Iterable<String> values) {
    out.append('[');
    boolean first = true;
    for (String value : values) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, value);
    }
    out.append(']');
  }

  private static void writeNode(StringBuilder out, JsonNode node) {
    if (node.isObject()) {
      Fields fields = new Fields(out);
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        writeNode(fields.name(entry.getKey()), entry.getValue());
      }
      fields.close();
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeNode(out, node.get(i));
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(out, node.textValue());
    } else {
      out.append(node.toString());
    }
  }

  /** Appends {@code value} as a JSON string with serde_json's escapes. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Writes the members of one JSON object, managing braces and commas. */
  private static final class Fields {
    private final StringBuilder out;
    private boolean first = true;

    Fields(StringBuilder out) {
      this.out = out;
      out.append('{');
    }

    StringBuilder name(String name) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, name);
      return out.append(':');
    }

    String close() {
      out.append('}');
      return out.toString();
    }
  }
}
