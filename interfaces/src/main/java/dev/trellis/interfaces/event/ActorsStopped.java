package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code actors_stopped}: a stop command with a count stopped instances of one actor (OTP 0.63).
 *
 * @param hostId the host
 * @param publicKey the actor's public key
 * @param count how many stopped
 * @param remaining how many still run on the host
 * @param annotations the stop command's annotation filter
 */
public record ActorsStopped(
    String hostId, String publicKey, int count, int remaining, Map<String, String> annotations)
    implements LatticeEvent {
  public static final String TYPE = "actors_stopped";

  public ActorsStopped {
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(publicKey, "publicKey");
    annotations = Map.copyOf(annotations);
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
