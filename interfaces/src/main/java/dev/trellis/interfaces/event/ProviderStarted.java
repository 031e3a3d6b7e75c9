package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code provider_started}: a provider process started.
 *
 * @param publicKey the provider's public key
 * @param imageRef the reference exactly as the start command gave it (wash matches on it)
 * @param linkName its link name
 * @param contractId its contract
 * @param instanceId the instance's UUID
 * @param annotations the instance's annotations
 * @param claims the provider's claims
 */
public record ProviderStarted(
    String publicKey,
    String imageRef,
    String linkName,
    String contractId,
    String instanceId,
    Map<String, String> annotations,
    ProviderEventClaims claims)
    implements LatticeEvent {
  public static final String TYPE = "provider_started";

  public ProviderStarted {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(imageRef, "imageRef");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(instanceId, "instanceId");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(claims, "claims");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
