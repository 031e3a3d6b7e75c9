package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code actor_update_failed}: live-updating one instance failed (OTP 0.55+).
 *
 * @param publicKey the actor's public key
 * @param revision the revision it was to get
 * @param instanceId the instance's UUID
 * @param reason why
 */
public record ActorUpdateFailed(String publicKey, int revision, String instanceId, String reason)
    implements LatticeEvent {
  public static final String TYPE = "actor_update_failed";

  public ActorUpdateFailed {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
