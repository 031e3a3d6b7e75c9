package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code actors_start_failed}: starting a batch of instances failed: claims, policy or
 * instantiation (OTP 0.63).
 *
 * @param publicKey the actor's public key, {@code "N/A"} when unknown
 * @param imageRef the reference as given
 * @param annotations the requested annotations
 * @param hostId the host
 * @param error why
 */
public record ActorsStartFailed(
    String publicKey, String imageRef, Map<String, String> annotations, String hostId, String error)
    implements LatticeEvent {
  public static final String TYPE = "actors_start_failed";

  /** The {@code public_key} OTP sends when the key is not known. */
  public static final String UNKNOWN_KEY = "N/A";

  public ActorsStartFailed {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(imageRef, "imageRef");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
