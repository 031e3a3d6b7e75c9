package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * One running provider (public key, link name) in a {@link HostInventory} (controlplane §3.2).
 *
 * @param id the provider's public key
 * @param imageRef the reference it was started from; {@code ""} when unknown
 * @param contractId its contract
 * @param linkName its link name
 * @param name the name from its claims; {@code ""} when unknown
 * @param instanceId the instance's UUID
 * @param annotations the instance's annotations
 * @param revision its claims revision (0 when unknown)
 */
public record ProviderDescription(
    String id,
    String imageRef,
    String contractId,
    String linkName,
    String name,
    String instanceId,
    Map<String, String> annotations,
    int revision) {
  public ProviderDescription {
    Objects.requireNonNull(id, "id");
    imageRef = imageRef == null ? "" : imageRef;
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(linkName, "linkName");
    name = name == null ? "" : name;
    instanceId = instanceId == null ? "" : instanceId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
