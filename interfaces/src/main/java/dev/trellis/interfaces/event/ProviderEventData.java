package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.json.JsonText;

/** The {@code data} of the provider and health events: exactly OTP 0.63's fields. */
final class ProviderEventData {
  private ProviderEventData() {}

  static ObjectNode write(ProviderStarted e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("image_ref", e.imageRef());
    n.put("link_name", e.linkName());
    n.put("contract_id", e.contractId());
    n.put("instance_id", e.instanceId());
    JsonText.putMap(n, "annotations", e.annotations());
    ProviderEventClaims c = e.claims();
    ObjectNode claims = n.putObject("claims");
    claims.put("issuer", c.issuer());
    JsonText.putList(claims, "tags", c.tags());
    claims.put("name", c.name());
    claims.put("version", c.version());
    claims.put("not_before_human", c.notBeforeHuman());
    claims.put("expires_human", c.expiresHuman());
    return n;
  }

  static ProviderStarted readStarted(EventFields f) {
    EventFields c = f.object("claims");
    return new ProviderStarted(
        f.requireText("public_key"),
        f.text("image_ref"),
        f.text("link_name"),
        f.text("contract_id"),
        f.text("instance_id"),
        f.stringMap("annotations"),
        new ProviderEventClaims(
            c.text("issuer"),
            c.stringList("tags"),
            c.text("name"),
            c.text("version"),
            c.text("not_before_human"),
            c.text("expires_human")));
  }

  static ObjectNode write(ProviderStartFailed e) {
    ObjectNode n = JsonText.object();
    n.put("provider_ref", e.providerRef());
    n.put("link_name", e.linkName());
    n.put("error", e.error());
    return n;
  }

  static ProviderStartFailed readStartFailed(EventFields f) {
    return new ProviderStartFailed(f.text("provider_ref"), f.text("link_name"), f.text("error"));
  }

  static ObjectNode write(ProviderStopped e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("link_name", e.linkName());
    n.put("contract_id", e.contractId());
    n.put("instance_id", e.instanceId());
    JsonText.putMap(n, "annotations", e.annotations());
    n.put("reason", e.reason());
    return n;
  }

  static ProviderStopped readStopped(EventFields f) {
    return new ProviderStopped(
        f.requireText("public_key"),
        f.text("link_name"),
        f.text("contract_id"),
        f.text("instance_id"),
        f.stringMap("annotations"),
        f.text("reason"));
  }

  /** The three health events share one shape. */
  static ObjectNode health(String publicKey, String contractId, String linkName) {
    ObjectNode n = JsonText.object();
    n.put("public_key", publicKey);
    n.put("contract_id", contractId);
    n.put("link_name", linkName);
    return n;
  }
}
