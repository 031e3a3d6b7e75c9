package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code actor_start_failed}: starting an actor failed, including its download (OTP 0.51+).
 *
 * @param actorRef the reference as given (wash matches on it)
 * @param error why
 */
public record ActorStartFailed(String actorRef, String error) implements LatticeEvent {
  public static final String TYPE = "actor_start_failed";

  public ActorStartFailed {
    Objects.requireNonNull(actorRef, "actorRef");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
