package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the lattice metadata (controlplane §3.4, §4.2): claims records and refmaps as stored in
 * the {@code LATTICEDATA_{lattice}} bucket, and the {@code get.claims} / {@code get.links} replies.
 *
 * <p>Claims records are written with string values only. They are read leniently, because other
 * hosts write them: {@code null} reads as absent, {@code rev} may be a number, {@code caps} and
 * {@code tags} may be arrays (joined with commas); {@code sub} is required.
 */
public final class LatticeDataCodec {
  private LatticeDataCodec() {}

  public static byte[] encode(ClaimsRecord c) {
    return JsonText.bytes(claimsNode(c));
  }

  /**
   * Decodes a claims record.
   *
   * @throws DecodeException when {@code json} is not a claims record
   */
  public static ClaimsRecord decodeClaims(byte[] json) {
    return claims(JsonText.parseObject(json, CtlFailures.data("ClaimsRecord")));
  }

  public static byte[] encode(RefMap r) {
    ObjectNode n = JsonText.object();
    n.put("oci_url", r.ociUrl());
    n.put("public_key", r.publicKey());
    return JsonText.bytes(n);
  }

  public static RefMap decodeRefMap(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("RefMap"));
    return new RefMap(f.requireString("oci_url"), f.requireString("public_key"));
  }

  public static byte[] encode(GetClaimsReply reply) {
    ObjectNode n = JsonText.object();
    ArrayNode items = n.putArray("claims");
    reply.claims().forEach(c -> items.add(claimsNode(c)));
    return JsonText.bytes(n);
  }

  public static GetClaimsReply decodeClaimsReply(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("GetClaimsReply"));
    JsonNode items = f.requireArray("claims");
    List<ClaimsRecord> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(claims(f.element("claims", i, items.get(i))));
    }
    return new GetClaimsReply(out);
  }

  public static byte[] encode(GetLinksReply reply) {
    ObjectNode n = JsonText.object();
    ArrayNode items = n.putArray("links");
    reply.links().forEach(l -> items.add(LinkDefinitionCodec.toJson(l)));
    return JsonText.bytes(n);
  }

  public static GetLinksReply decodeLinksReply(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("GetLinksReply"));
    JsonNode items = f.requireArray("links");
    List<LinkDefinition> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonFields item = f.element("links", i, items.get(i));
      out.add(
          new LinkDefinition(
              item.requireString("actor_id"),
              item.requireString("provider_id"),
              item.requireString("link_name"),
              item.requireString("contract_id"),
              item.stringMap("values")));
    }
    return new GetLinksReply(out);
  }

  private static ObjectNode claimsNode(ClaimsRecord c) {
    ObjectNode n = JsonText.object();
    n.put("call_alias", c.callAlias());
    n.put("caps", c.caps());
    n.put("contract_id", c.contractId());
    n.put("iss", c.issuer());
    n.put("name", c.name());
    n.put("rev", c.revision());
    n.put("sub", c.subject());
    n.put("tags", c.tags());
    n.put("version", c.version());
    if (c.configSchema() != null) {
      n.put("config_schema", c.configSchema());
    }
    return n;
  }

  private static ClaimsRecord claims(JsonFields f) {
    JsonNode schema = f.get("config_schema");
    String configSchema = null;
    if (schema != null) {
      configSchema =
          schema.isTextual()
              ? schema.textValue()
              : new String(JsonText.bytes(schema), StandardCharsets.UTF_8);
    }
    return new ClaimsRecord(
        f.requireString("sub"),
        f.string("iss"),
        f.string("name"),
        f.string("call_alias"),
        f.joinedStrings("caps"),
        f.stringOrNumber("rev"),
        f.joinedStrings("tags"),
        f.stringOrNumber("version"),
        f.string("contract_id"),
        configSchema);
  }
}
