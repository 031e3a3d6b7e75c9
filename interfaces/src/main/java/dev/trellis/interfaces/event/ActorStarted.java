package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code actor_started}: one instance of an actor started (one event per instance).
 *
 * @param publicKey the actor's public key
 * @param imageRef the reference exactly as the start command gave it (wash matches on it)
 * @param apiVersion always {@code "n/a"} (OTP)
 * @param instanceId the new instance's UUID
 * @param annotations the instance's annotations
 * @param claims the actor's claims
 */
public record ActorStarted(
    String publicKey,
    String imageRef,
    String apiVersion,
    String instanceId,
    Map<String, String> annotations,
    ActorEventClaims claims)
    implements LatticeEvent {
  public static final String TYPE = "actor_started";

  /** The {@code api_version} OTP sends. */
  public static final String API_VERSION = "n/a";

  public ActorStarted {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(imageRef, "imageRef");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(instanceId, "instanceId");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(claims, "claims");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
