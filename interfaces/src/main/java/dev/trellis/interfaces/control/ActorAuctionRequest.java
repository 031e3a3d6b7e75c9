package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code auction.actor}: which hosts could run this actor? (controlplane §2.8)
 *
 * @param actorRef the actor reference to place
 * @param constraints labels a host must carry, each with exactly this value; empty = any host
 */
public record ActorAuctionRequest(String actorRef, Map<String, String> constraints) {
  public ActorAuctionRequest {
    Objects.requireNonNull(actorRef, "actorRef");
    constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
  }

  /** Whether a host with {@code labels} qualifies: its labels contain every constraint pair. */
  public boolean matches(Map<String, String> labels) {
    return Constraints.satisfiedBy(constraints, labels);
  }
}
