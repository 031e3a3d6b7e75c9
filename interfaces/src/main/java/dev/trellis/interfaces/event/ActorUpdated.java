package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code actor_updated}: one instance of an actor was live-updated.
 *
 * @param publicKey the actor's public key
 * @param revision the new revision
 * @param instanceId the instance's UUID
 */
public record ActorUpdated(String publicKey, int revision, String instanceId)
    implements LatticeEvent {
  public static final String TYPE = "actor_updated";

  public ActorUpdated {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(instanceId, "instanceId");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
