package dev.trellis.interfaces.control;

import java.util.List;
import java.util.Objects;

/**
 * One actor (one public key) in a {@link HostInventory} (controlplane §3.2).
 *
 * @param id the actor's public key
 * @param imageRef the reference its instances were started from; {@code ""} when unknown
 * @param name the name from its claims; {@code ""} when unknown
 * @param instances its running instances
 */
public record ActorDescription(
    String id, String imageRef, String name, List<ActorInstance> instances) {
  public ActorDescription {
    Objects.requireNonNull(id, "id");
    imageRef = imageRef == null ? "" : imageRef;
    name = name == null ? "" : name;
    instances = instances == null ? List.of() : List.copyOf(instances);
  }
}
