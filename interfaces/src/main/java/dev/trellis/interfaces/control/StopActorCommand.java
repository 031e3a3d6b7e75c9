package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.sa}: stop instances of an actor (controlplane §2.11).
 *
 * @param actorRef the actor's public key ({@code M…}); the field name is historical, wash sends the
 *     actor id here
 * @param count how many instances to stop; 0 stops all of them
 * @param hostId the host id of the body; {@code ""} when absent
 * @param annotations only instances carrying every one of these pairs stop; empty = any
 */
public record StopActorCommand(
    String actorRef, int count, String hostId, Map<String, String> annotations) {
  public StopActorCommand {
    Objects.requireNonNull(actorRef, "actorRef");
    Counts.check(count, "count");
    hostId = hostId == null ? "" : hostId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
