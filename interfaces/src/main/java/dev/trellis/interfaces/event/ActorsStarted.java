package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code actors_started}: a batch of instances of one actor started (once per {@code la} or
 * scale-up; OTP 0.63).
 *
 * @param publicKey the actor's public key
 * @param imageRef the reference as given
 * @param annotations the instances' annotations
 * @param hostId the host
 * @param claims the actor's claims
 * @param count how many instances started
 */
public record ActorsStarted(
    String publicKey,
    String imageRef,
    Map<String, String> annotations,
    String hostId,
    ActorEventClaims claims,
    int count)
    implements LatticeEvent {
  public static final String TYPE = "actors_started";

  public ActorsStarted {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(imageRef, "imageRef");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(claims, "claims");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
