package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code actor_stopped}: one instance of an actor stopped.
 *
 * @param publicKey the actor's public key
 * @param instanceId the instance's UUID
 * @param annotations the instance's annotations
 */
public record ActorStopped(String publicKey, String instanceId, Map<String, String> annotations)
    implements LatticeEvent {
  public static final String TYPE = "actor_stopped";

  public ActorStopped {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(instanceId, "instanceId");
    annotations = Map.copyOf(annotations);
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
