package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;

/**
 * JSON of auction requests and bids (controlplane §2.8, §2.9, §3.5). Requests fail with OTP's ack
 * texts ({@link InvalidCommandException}); bids are data ({@link DecodeException}). {@code
 * constraints} is always written, {@code {}} when empty, as OTP does.
 */
public final class AuctionCodec {
  private AuctionCodec() {}

  public static byte[] encode(ActorAuctionRequest r) {
    ObjectNode n = JsonText.object();
    n.put("actor_ref", r.actorRef());
    JsonText.putMap(n, "constraints", r.constraints());
    return JsonText.bytes(n);
  }

  /** Decodes {@code auction.actor}; {@code actor_ref} is required. */
  public static ActorAuctionRequest decodeActorRequest(byte[] json) {
    JsonFields f = CommandCodec.parse(json, "ActorAuctionRequest", CtlErrors.INVALID_ACTOR_AUCTION);
    return new ActorAuctionRequest(f.requireString("actor_ref"), f.stringMap("constraints"));
  }

  public static byte[] encode(ActorAuctionAck a) {
    ObjectNode n = JsonText.object();
    n.put("actor_ref", a.actorRef());
    n.put("host_id", a.hostId());
    JsonText.putMap(n, "constraints", a.constraints());
    return JsonText.bytes(n);
  }

  public static ActorAuctionAck decodeActorAck(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("ActorAuctionAck"));
    return new ActorAuctionAck(
        f.requireString("actor_ref"), f.requireString("host_id"), f.stringMap("constraints"));
  }

  public static byte[] encode(ProviderAuctionRequest r) {
    ObjectNode n = JsonText.object();
    n.put("provider_ref", r.providerRef());
    n.put("link_name", r.linkName());
    JsonText.putMap(n, "constraints", r.constraints());
    return JsonText.bytes(n);
  }

  /** Decodes {@code auction.provider}; {@code provider_ref} is required, link name defaults. */
  public static ProviderAuctionRequest decodeProviderRequest(byte[] json) {
    JsonFields f =
        CommandCodec.parse(json, "ProviderAuctionRequest", CtlErrors.INVALID_PROVIDER_AUCTION);
    return new ProviderAuctionRequest(
        f.requireString("provider_ref"), f.string("link_name"), f.stringMap("constraints"));
  }

  public static byte[] encode(ProviderAuctionAck a) {
    ObjectNode n = JsonText.object();
    n.put("provider_ref", a.providerRef());
    n.put("link_name", a.linkName());
    n.put("host_id", a.hostId());
    JsonText.putMap(n, "constraints", a.constraints());
    return JsonText.bytes(n);
  }

  public static ProviderAuctionAck decodeProviderAck(byte[] json) {
    JsonFields f = JsonText.parseObject(json, CtlFailures.data("ProviderAuctionAck"));
    return new ProviderAuctionAck(
        f.requireString("provider_ref"),
        f.string("link_name", ProviderAuctionRequest.DEFAULT_LINK_NAME),
        f.requireString("host_id"),
        f.stringMap("constraints"));
  }
}
