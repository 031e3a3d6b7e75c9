package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.json.JsonText;

/** The {@code data} of the actor events: exactly OTP 0.63's fields. */
final class ActorEventData {
  private ActorEventData() {}

  static ObjectNode write(ActorStarted e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("image_ref", e.imageRef());
    n.put("api_version", e.apiVersion());
    n.put("instance_id", e.instanceId());
    JsonText.putMap(n, "annotations", e.annotations());
    n.set("claims", claims(e.claims()));
    return n;
  }

  static ActorStarted readStarted(EventFields f) {
    return new ActorStarted(
        f.requireText("public_key"),
        f.text("image_ref"),
        f.text("api_version"),
        f.text("instance_id"),
        f.stringMap("annotations"),
        claims(f.object("claims")));
  }

  static ObjectNode write(ActorsStarted e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("image_ref", e.imageRef());
    JsonText.putMap(n, "annotations", e.annotations());
    n.put("host_id", e.hostId());
    n.set("claims", claims(e.claims()));
    n.put("count", e.count());
    return n;
  }

  static ActorsStarted readBatchStarted(EventFields f) {
    return new ActorsStarted(
        f.requireText("public_key"),
        f.text("image_ref"),
        f.stringMap("annotations"),
        f.text("host_id"),
        claims(f.object("claims")),
        f.intValue("count"));
  }

  static ObjectNode write(ActorStartFailed e) {
    ObjectNode n = JsonText.object();
    n.put("actor_ref", e.actorRef());
    n.put("error", e.error());
    return n;
  }

  static ActorStartFailed readStartFailed(EventFields f) {
    return new ActorStartFailed(f.text("actor_ref"), f.text("error"));
  }

  static ObjectNode write(ActorsStartFailed e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("image_ref", e.imageRef());
    JsonText.putMap(n, "annotations", e.annotations());
    n.put("host_id", e.hostId());
    n.put("error", e.error());
    return n;
  }

  static ActorsStartFailed readBatchStartFailed(EventFields f) {
    return new ActorsStartFailed(
        f.text("public_key"),
        f.text("image_ref"),
        f.stringMap("annotations"),
        f.text("host_id"),
        f.text("error"));
  }

  static ObjectNode write(ActorStopped e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("instance_id", e.instanceId());
    JsonText.putMap(n, "annotations", e.annotations());
    return n;
  }

  static ActorStopped readStopped(EventFields f) {
    return new ActorStopped(
        f.requireText("public_key"), f.text("instance_id"), f.stringMap("annotations"));
  }

  static ObjectNode write(ActorsStopped e) {
    ObjectNode n = JsonText.object();
    n.put("host_id", e.hostId());
    n.put("public_key", e.publicKey());
    n.put("count", e.count());
    n.put("remaining", e.remaining());
    JsonText.putMap(n, "annotations", e.annotations());
    return n;
  }

  static ActorsStopped readBatchStopped(EventFields f) {
    return new ActorsStopped(
        f.text("host_id"),
        f.requireText("public_key"),
        f.intValue("count"),
        f.intValue("remaining"),
        f.stringMap("annotations"));
  }

  static ObjectNode write(ActorUpdated e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("revision", e.revision());
    n.put("instance_id", e.instanceId());
    return n;
  }

  static ActorUpdated readUpdated(EventFields f) {
    return new ActorUpdated(
        f.requireText("public_key"), f.intValue("revision"), f.text("instance_id"));
  }

  static ObjectNode write(ActorUpdateFailed e) {
    ObjectNode n = JsonText.object();
    n.put("public_key", e.publicKey());
    n.put("revision", e.revision());
    n.put("instance_id", e.instanceId());
    n.put("reason", e.reason());
    return n;
  }

  static ActorUpdateFailed readUpdateFailed(EventFields f) {
    return new ActorUpdateFailed(
        f.requireText("public_key"),
        f.intValue("revision"),
        f.text("instance_id"),
        f.text("reason"));
  }

  private static ObjectNode claims(ActorEventClaims c) {
    ObjectNode n = JsonText.object();
    n.put("call_alias", c.callAlias());
    JsonText.putList(n, "caps", c.caps());
    n.put("issuer", c.issuer());
    JsonText.putList(n, "tags", c.tags());
    n.put("name", c.name());
    n.put("version", c.version());
    n.put("revision", c.revision());
    n.put("not_before_human", c.notBeforeHuman());
    n.put("expires_human", c.expiresHuman());
    return n;
  }

  private static ActorEventClaims claims(EventFields f) {
    return new ActorEventClaims(
        f.text("call_alias"),
        f.stringList("caps"),
        f.text("issuer"),
        f.stringList("tags"),
        f.text("name"),
        f.text("version"),
        f.intValue("revision"),
        f.text("not_before_human"),
        f.text("expires_human"));
  }
}
