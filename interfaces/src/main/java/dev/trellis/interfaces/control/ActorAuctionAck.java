package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * A qualifying host's answer to an actor auction (controlplane §3.5).
 *
 * @param actorRef the requested reference, echoed
 * @param hostId the bidding host
 * @param constraints the request's constraints, echoed ({@code {}} when none)
 */
public record ActorAuctionAck(String actorRef, String hostId, Map<String, String> constraints) {
  public ActorAuctionAck {
    Objects.requireNonNull(actorRef, "actorRef");
    Objects.requireNonNull(hostId, "hostId");
    constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
  }

  /** The bid of {@code hostId} for {@code request}. */
  public static ActorAuctionAck of(ActorAuctionRequest request, String hostId) {
    return new ActorAuctionAck(request.actorRef(), hostId, request.constraints());
  }
}
