package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.upd}: live-update every instance of an actor to a newer module (controlplane
 * §2.13). The new module's public key selects the instances; OTP ignores {@code actor_id}.
 *
 * @param actorId the actor's public key; {@code ""} when absent
 * @param hostId the host id of the body; {@code ""} when absent
 * @param newActorRef the reference of the new module
 * @param annotations ignored by OTP; empty when absent
 */
public record UpdateActorCommand(
    String actorId, String hostId, String newActorRef, Map<String, String> annotations) {
  public UpdateActorCommand {
    actorId = actorId == null ? "" : actorId;
    hostId = hostId == null ? "" : hostId;
    Objects.requireNonNull(newActorRef, "newActorRef");
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
