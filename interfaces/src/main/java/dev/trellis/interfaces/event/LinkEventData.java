package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.json.JsonText;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;

/** The {@code data} of link, refmap and invocation events: exactly OTP 0.63's fields. */
final class LinkEventData {
  private LinkEventData() {}

  /** {@code id, actor_id, provider_id, link_name, contract_id, values}. */
  static ObjectNode link(LinkDefinition link) {
    return LinkDefinitionCodec.toJson(link);
  }

  static LinkDefinition readLink(EventFields f) {
    return new LinkDefinition(
        f.requireText("actor_id"),
        f.requireText("provider_id"),
        f.requireText("link_name"),
        f.requireText("contract_id"),
        f.stringMap("values"));
  }

  static ObjectNode write(RefmapSet e) {
    ObjectNode n = JsonText.object();
    n.put("oci_url", e.ociUrl());
    n.put("public_key", e.publicKey());
    return n;
  }

  static RefmapSet readRefmap(EventFields f) {
    return new RefmapSet(f.requireText("oci_url"), f.requireText("public_key"));
  }

  static ObjectNode invocation(
      WasmCloudEntity source, WasmCloudEntity dest, String operation, long bytes) {
    ObjectNode n = JsonText.object();
    n.set("source", entity(source));
    n.set("dest", entity(dest));
    n.put("operation", operation);
    n.put("bytes", bytes);
    return n;
  }

  static WasmCloudEntity readEntity(EventFields f) {
    return new WasmCloudEntity(
        f.requireText("public_key"), f.text("contract_id"), f.text("link_name"));
  }

  private static ObjectNode entity(WasmCloudEntity e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("contract_id", e.contractId());
    n.put("link_name", e.linkName());
    return n;
  }
}
