package dev.trellis.interfaces.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two encodings of a {@link LinkDefinition} (spec §6.3, controlplane §3.3, §4.2).
 *
 * <ul>
 *   <li>msgpack, published to providers on {@code …linkdefs.put/.del}: {@code actor_id,
 *       provider_id, link_name, contract_id, values}, no {@code id};
 *   <li>JSON, inside HostData, in the KV bucket ({@code LINKDEF_{id}}) and on the control
 *       interface: the same keys preceded by the derived {@code id}, as OTP writes them.
 * </ul>
 *
 * Decoding requires the four identity fields (a link without them cannot be stored or routed),
 * treats a missing or nil {@code values} as empty, and ignores {@code id} and unknown keys: the id
 * is always derived from the identity (clients such as wash write links without it).
 */
public final class LinkDefinitionCodec {
  static final String TYPE = "LinkDefinition";

  private LinkDefinitionCodec() {}

  /** The msgpack bytes of {@code link}, as OTP publishes them on {@code linkdefs.put}. */
  public static byte[] encode(LinkDefinition link) {
    return new MsgpackWriter()
        .mapHeader(5)
        .key("actor_id")
        .string(link.actorId())
        .key("provider_id")
        .string(link.providerId())
        .key("link_name")
        .string(link.linkName())
        .key("contract_id")
        .string(link.contractId())
        .key("values")
        .stringMap(link.values())
        .toByteArray();
  }

  /**
   * Decodes a msgpack LinkDefinition.
   *
   * @throws DecodeException if an identity field is missing or a field has the wrong type
   */
  public static LinkDefinition decode(byte[] bytes) {
    MsgpackReader r = MsgpackReader.of(bytes, TYPE);
    String actorId = null;
    String providerId = null;
    String linkName = null;
    String contractId = null;
    Map<String, String> values = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "actor_id" -> actorId = r.readString("actor_id");
        case "provider_id" -> providerId = r.readString("provider_id");
        case "link_name" -> linkName = r.readString("link_name");
        case "contract_id" -> contractId = r.readString("contract_id");
        case "values" -> values = r.readStringMap("values");
        default -> r.skipValue();
      }
    }
    if (actorId == null) {
      throw r.missing("actor_id");
    }
    if (providerId == null) {
      throw r.missing("provider_id");
    }
    if (linkName == null) {
      throw r.missing("link_name");
    }
    if (contractId == null) {
      throw r.missing("contract_id");
    }
    return new LinkDefinition(actorId, providerId, linkName, contractId, values);
  }

  /** The JSON object of {@code link}, with its derived {@code id} first. */
  public static ObjectNode toJson(LinkDefinition link) {
    ObjectNode node = JsonText.object();
    node.put("id", link.id());
    node.put("actor_id", link.actorId());
    node.put("provider_id", link.providerId());
    node.put("link_name", link.linkName());
    node.put("contract_id", link.contractId());
    ObjectNode values = node.putObject("values");
    new TreeMap<>(link.values()).forEach(values::put);
    return node;
  }

  /** Compact UTF-8 JSON of {@code link} (e.g. the value of its {@code LINKDEF_{id}} KV key). */
  public static byte[] encodeJson(LinkDefinition link) {
    return JsonText.text(toJson(link)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes a JSON LinkDefinition (with or without {@code id}).
   *
   * @throws DecodeException if {@code json} is not a JSON LinkDefinition
   */
  public static LinkDefinition decodeJson(byte[] json) {
    return fromJson(
        JsonText.parseObject(new String(json, StandardCharsets.UTF_8), JsonFields.Failures.of(TYPE))
            .root());
  }

  /** Reads a LinkDefinition from a parsed JSON object. */
  public static LinkDefinition fromJson(JsonNode node) {
    return fromJson(node, TYPE, "");
  }

  static LinkDefinition fromJson(JsonNode node, String type, String prefix) {
    if (!node.isObject()) {
      throw new DecodeException(
          type,
          (prefix.isEmpty() ? "expected" : "field '" + prefix + "' must be")
              + " a JSON object, found "
              + JsonText.kind(node));
    }
    JsonFields f =
        new JsonFields(JsonFields.Failures.of(type), prefix.isEmpty() ? "" : prefix + ".", node);
    Map<String, String> values = f.stringMap("values");
    return new LinkDefinition(
        f.requireString("actor_id"),
        f.requireString("provider_id"),
        f.requireString("link_name"),
        f.requireString("contract_id"),
        values);
  }
}
