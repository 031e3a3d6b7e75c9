package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.scale}: bring the number of instances of an actor to {@code count}
 * (controlplane §2.12).
 *
 * @param actorId the actor's public key
 * @param actorRef where to fetch new instances from; may be {@code ""} (use a running instance's)
 * @param count the wanted number of instances; 0 stops all
 * @param hostId the host id of the body; {@code ""} when absent
 * @param annotations sent by wadm; OTP ignores them when scaling
 */
public record ScaleActorCommand(
    String actorId, String actorRef, int count, String hostId, Map<String, String> annotations) {
  public ScaleActorCommand {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorRef, "actorRef");
    Counts.check(count, "count");
    hostId = hostId == null ? "" : hostId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
