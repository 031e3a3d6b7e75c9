package dev.trellis.interfaces.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;

/**
 * JSON of auction requests and bids (controlplane §2.8, §2.9, §3.5). Requests fail with OTP's ack
 * texts ({@link InvalidCommandException}); bids are data ({@link DecodeException}). {@code
 * constraints} is always written, {@code {}} when empty, as OTP does.
 */
public final class AuctionCodec {
  private AuctionCodec() {}

  public static byte[] encode(ActorAuctionRequest r) {
    ObjectNode n = CtlJson.object();
    n.put("actor_ref", r.actorRef());
    CtlJson.putMap(n, "constraints", r.constraints());
    return CtlJson.bytes(n);
  }

  /** Decodes {@code auction.actor}; {@code actor_ref} is required. */
  public static ActorAuctionRequest decodeActorRequest(byte[] json) {
    CtlFields f = CommandCodec.parse(json, "ActorAuctionRequest", CtlErrors.INVALID_ACTOR_AUCTION);
    return new ActorAuctionRequest(f.requireString("actor_ref"), f.stringMap("constraints"));
  }

  public static byte[] encode(ActorAuctionAck a) {
    ObjectNode n = CtlJson.object();
    n.put("actor_ref", a.actorRef());
    n.put("host_id", a.hostId());
    CtlJson.putMap(n, "constraints", a.constraints());
    return CtlJson.bytes(n);
  }

  public static ActorAuctionAck decodeActorAck(byte[] json) {
    CtlFields f = CtlJson.parseObject(json, CtlFields.Errors.data("ActorAuctionAck"));
    return new ActorAuctionAck(
        f.requireString("actor_ref"), f.requireString("host_id"), f.stringMap("constraints"));
  }

  public static byte[] encode(ProviderAuctionRequest r) {
    ObjectNode n = CtlJson.object();
    n.put("provider_ref", r.providerRef());
    n.put("link_name", r.linkName());
    CtlJson.putMap(n, "constraints", r.constraints());
    return CtlJson.bytes(n);
  }

  /** Decodes {@code auction.provider}; {@code provider_ref} is required, link name defaults. */
  public static ProviderAuctionRequest decodeProviderRequest(byte[] json) {
    CtlFields f =
        CommandCodec.parse(json, "ProviderAuctionRequest", CtlErrors.INVALID_PROVIDER_AUCTION);
    return new ProviderAuctionRequest(
        f.requireString("provider_ref"), f.string("link_name"), f.stringMap("constraints"));
  }

  public static byte[] encode(ProviderAuctionAck a) {
    ObjectNode n = CtlJson.object();
    n.put("provider_ref", a.providerRef());
    n.put("link_name", a.linkName());
    n.put("host_id", a.hostId());
    CtlJson.putMap(n, "constraints", a.constraints());
    return CtlJson.bytes(n);
  }

  public static ProviderAuctionAck decodeProviderAck(byte[] json) {
    CtlFields f = CtlJson.parseObject(json, CtlFields.Errors.data("ProviderAuctionAck"));
    return new ProviderAuctionAck(
        f.requireString("provider_ref"),
        f.string("link_name", ProviderAuctionRequest.DEFAULT_LINK_NAME),
        f.requireString("host_id"),
        f.stringMap("constraints"));
  }
}
