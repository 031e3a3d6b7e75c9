package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON of the control commands, the link requests and the operation ack (controlplane §2, §3.6).
 *
 * <p>Decoding follows OTP 0.63: a field exists only if present and not {@code null}; the required
 * fields are OTP's ({@code has_values}); unknown keys are ignored. Every failure is an {@link
 * InvalidCommandException} whose {@link InvalidCommandException#ackError()} is OTP's ack text for
 * that request. Stricter than OTP, which would crash later: counts must be integers within 0..65535
 * and annotations string maps. Encoding writes every required key and leaves out empty optional
 * ones ({@code annotations}, {@code configuration}, {@code timeout}), as the crate does for {@code
 * None}.
 */
public final class CommandCodec {
  /** The length of a public key, which {@code sp} requires of {@code provider_ref}. */
  static final int PUBLIC_KEY_LENGTH = 56;

  private CommandCodec() {}

  // ---- ack ------------------------------------------------------------------------------------

  /** {@code {"accepted":…,"error":…}}. */
  public static byte[] encode(CtlOperationAck ack) {
    ObjectNode n = JsonText.object();
    n.put("accepted", ack.accepted());
    n.put("error", ack.error());
    return JsonText.bytes(n);
  }

  /**
   * Decodes an operation ack; a missing {@code error} reads as {@code ""}.
   *
   * @throws DecodeException when {@code json} is not an ack
   */
  public static CtlOperationAck decodeAck(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("CtlOperationAck"));
    Boolean accepted = f.bool("accepted");
    if (accepted == null) {
      throw f.missing("accepted");
    }
    return new CtlOperationAck(accepted, f.string("error", ""));
  }

  // ---- actors ---------------------------------------------------------------------------------

  public static byte[] encode(StartActorCommand c) {
    ObjectNode n = JsonText.object();
    n.put("actor_ref", c.actorRef());
    n.put("count", c.count());
    n.put("host_id", c.hostId());
    putAnnotations(n, c.annotations());
    return JsonText.bytes(n);
  }

  /** Decodes {@code la}; {@code count} absent means 1. */
  public static StartActorCommand decodeStartActor(byte[] json) {
    JsonFields f = parse(json, "StartActorCommand", CtlErrors.INVALID_LAUNCH_ACTOR);
    Integer count = f.integer("count", 0, Counts.MAX);
    return new StartActorCommand(
        f.requireString("actor_ref"),
        count == null ? 1 : count,
        f.string("host_id"),
        f.stringMap("annotations"));
  }

  public static byte[] encode(StopActorCommand c) {
    ObjectNode n = JsonText.object();
    n.put("actor_ref", c.actorRef());
    n.put("count", c.count());
    n.put("host_id", c.hostId());
    putAnnotations(n, c.annotations());
    return JsonText.bytes(n);
  }

  /** Decodes {@code sa}; {@code actor_ref} and {@code count} are required. */
  public static StopActorCommand decodeStopActor(byte[] json) {
    JsonFields f = parse(json, "StopActorCommand", CtlErrors.INVALID_STOP_ACTOR);
    String actorRef = f.requireString("actor_ref");
    return new StopActorCommand(
        actorRef,
        f.requireInteger("count", 0, Counts.MAX),
        f.string("host_id"),
        f.stringMap("annotations"));
  }

  public static byte[] encode(ScaleActorCommand c) {
    ObjectNode n = JsonText.object();
    n.put("actor_id", c.actorId());
    n.put("actor_ref", c.actorRef());
    n.put("count", c.count());
    n.put("host_id", c.hostId());
    putAnnotations(n, c.annotations());
    return JsonText.bytes(n);
  }

  /** Decodes {@code scale}; {@code actor_id}, {@code actor_ref} and {@code count} are required. */
  public static ScaleActorCommand decodeScaleActor(byte[] json) {
    JsonFields f = parse(json, "ScaleActorCommand", CtlErrors.INVALID_SCALE_ACTOR);
    String actorId = f.requireString("actor_id");
    String actorRef = f.requireString("actor_ref");
    return new ScaleActorCommand(
        actorId,
        actorRef,
        f.requireInteger("count", 0, Counts.MAX),
        f.string("host_id"),
        f.stringMap("annotations"));
  }

  public static byte[] encode(UpdateActorCommand c) {
    ObjectNode n = JsonText.object();
    n.put("actor_id", c.actorId());
    n.put("host_id", c.hostId());
    n.put("new_actor_ref", c.newActorRef());
    putAnnotations(n, c.annotations());
    return JsonText.bytes(n);
  }

  /** Decodes {@code upd}; only {@code new_actor_ref} is required. */
  public static UpdateActorCommand decodeUpdateActor(byte[] json) {
    JsonFields f = parse(json, "UpdateActorCommand", CtlErrors.INVALID_UPDATE_ACTOR);
    String newRef = f.requireString("new_actor_ref");
    return new UpdateActorCommand(
        f.string("actor_id"), f.string("host_id"), newRef, f.stringMap("annotations"));
  }

  // ---- providers ------------------------------------------------------------------------------

  public static byte[] encode(StartProviderCommand c) {
    ObjectNode n = JsonText.object();
    n.put("provider_ref", c.providerRef());
    n.put("link_name", c.linkName());
    n.put("host_id", c.hostId());
    putAnnotations(n, c.annotations());
    if (!c.configuration().isEmpty()) {
      n.put("configuration", c.configuration());
    }
    return JsonText.bytes(n);
  }

  /**
   * Decodes {@code lp}; {@code provider_ref} and {@code link_name} are required. A {@code
   * configuration} given as a JSON object or array (instead of the usual text) is kept as its
   * compact JSON text.
   */
  public static StartProviderCommand decodeStartProvider(byte[] json) {
    JsonFields f = parse(json, "StartProviderCommand", CtlErrors.INVALID_START_PROVIDER);
    String ref = f.requireString("provider_ref");
    String linkName = f.requireString("link_name");
    JsonNode config = f.get("configuration");
    String configuration;
    if (config == null) {
      configuration = "";
    } else if (config.isTextual()) {
      configuration = config.textValue();
    } else if (config.isContainerNode()) {
      configuration = new String(JsonText.bytes(config), StandardCharsets.UTF_8);
    } else {
      throw f.mismatch("configuration", "a string", config);
    }
    return new StartProviderCommand(
        ref, linkName, f.string("host_id"), f.stringMap("annotations"), configuration);
  }

  public static byte[] encode(StopProviderCommand c) {
    ObjectNode n = JsonText.object();
    n.put("provider_ref", c.providerRef());
    n.put("link_name", c.linkName());
    n.put("contract_id", c.contractId());
    n.put("host_id", c.hostId());
    putAnnotations(n, c.annotations());
    return JsonText.bytes(n);
  }

  /**
   * Decodes {@code sp}: {@code provider_ref} and {@code link_name} are required, and {@code
   * provider_ref} must be 56 characters long (a public key, OTP 0.60+).
   */
  public static StopProviderCommand decodeStopProvider(byte[] json) {
    JsonFields f = parse(json, "StopProviderCommand", CtlErrors.INVALID_STOP_PROVIDER);
    String ref = f.requireString("provider_ref");
    String linkName = f.requireString("link_name");
    if (ref.codePointCount(0, ref.length()) != PUBLIC_KEY_LENGTH) {
      throw f.invalid(
          "provider_ref",
          "must be the provider's public key (56 characters), found "
              + ref.codePointCount(0, ref.length())
              + " characters");
    }
    return new StopProviderCommand(
        ref, linkName, f.string("contract_id"), f.string("host_id"), f.stringMap("annotations"));
  }

  // ---- host -----------------------------------------------------------------------------------

  public static byte[] encode(StopHostCommand c) {
    ObjectNode n = JsonText.object();
    n.put("host_id", c.hostId());
    if (c.timeoutMillis() != null) {
      n.put("timeout", c.timeoutMillis());
    }
    return JsonText.bytes(n);
  }

  /** Decodes {@code stop}; every field is optional, the body must be a JSON object. */
  public static StopHostCommand decodeStopHost(byte[] json) {
    JsonFields f =
        JsonText.parseObject(
            json,
            CtlFailures.commandNamingProblem(
                "StopHostCommand", CtlErrors.INVALID_STOP_HOST_PREFIX));
    return new StopHostCommand(f.string("host_id"), f.unsignedLong("timeout"));
  }

  // ---- links ----------------------------------------------------------------------------------

  /** The {@code linkdefs.put} body: the link's JSON with its {@code id}. */
  public static byte[] encodeLinkPut(LinkDefinition link) {
    return LinkDefinitionCodec.encodeJson(link);
  }

  /**
   * Decodes {@code linkdefs.put}: {@code actor_id}, {@code contract_id}, {@code link_name} and
   * {@code provider_id} are required, {@code values} is optional; a given {@code id} is ignored (it
   * is derived).
   */
  public static LinkDefinition decodeLinkPut(byte[] json) {
    JsonFields f = parse(json, "LinkDefinition", CtlErrors.INVALID_LINK_PUT);
    String actorId = f.requireString("actor_id");
    String contractId = f.requireString("contract_id");
    String linkName = f.requireString("link_name");
    String providerId = f.requireString("provider_id");
    Map<String, String> values = f.stringMap("values");
    return new LinkDefinition(actorId, providerId, linkName, contractId, values);
  }

  public static byte[] encode(LinkDeleteRequest r) {
    ObjectNode n = JsonText.object();
    n.put("actor_id", r.actorId());
    n.put("contract_id", r.contractId());
    n.put("link_name", r.linkName());
    return JsonText.bytes(n);
  }

  /** Decodes {@code linkdefs.del}; all three fields are required. */
  public static LinkDeleteRequest decodeLinkDelete(byte[] json) {
    JsonFields f = parse(json, "LinkDeleteRequest", CtlErrors.INVALID_LINK_DELETE);
    String actorId = f.requireString("actor_id");
    String contractId = f.requireString("contract_id");
    return new LinkDeleteRequest(actorId, contractId, f.requireString("link_name"));
  }

  // ---- shared ---------------------------------------------------------------------------------

  static JsonFields parse(byte[] json, String type, String ackError) {
    return JsonText.parseObject(json, CtlFailures.command(type, ackError));
  }

  static void putAnnotations(ObjectNode n, Map<String, String> annotations) {
    if (!annotations.isEmpty()) {
      JsonText.putMap(n, "annotations", annotations);
    }
  }
}
