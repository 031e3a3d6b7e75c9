package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code provider_stopped}: a provider stopped, on request or by itself.
 *
 * @param publicKey the provider's public key
 * @param linkName its link name
 * @param contractId its contract
 * @param instanceId the instance's UUID
 * @param annotations the instance's annotations
 * @param reason {@code "normal"} for a requested stop, else the exit reason
 */
public record ProviderStopped(
    String publicKey,
    String linkName,
    String contractId,
    String instanceId,
    Map<String, String> annotations,
    String reason)
    implements LatticeEvent {
  public static final String TYPE = "provider_stopped";

  /** The {@code reason} of a requested stop. */
  public static final String NORMAL = "normal";

  public ProviderStopped {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(instanceId, "instanceId");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
