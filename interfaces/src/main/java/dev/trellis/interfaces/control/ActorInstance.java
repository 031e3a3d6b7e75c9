package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * One running instance of an actor in a {@link HostInventory} (controlplane §3.2).
 *
 * @param annotations the instance's annotations, set at start
 * @param instanceId the instance's UUID
 * @param revision the actor's claims revision ({@code rev}; 0 when unknown)
 */
public record ActorInstance(Map<String, String> annotations, String instanceId, int revision) {
  public ActorInstance {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    Objects.requireNonNull(instanceId, "instanceId");
  }
}
