package dev.trellis.interfaces.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reply to {@code get.{host}.inv} (controlplane §3.2): one entry per actor public key and one
 * per running provider. {@code actors}, {@code providers} and {@code labels} are always written,
 * even when empty, because the crate requires them.
 *
 * @param hostId the host's public key
 * @param issuer the cluster public key
 * @param friendlyName the host's friendly name
 * @param labels the host labels
 * @param actors the actors running on the host
 * @param providers the providers running on the host
 */
public record HostInventory(
    String hostId,
    String issuer,
    String friendlyName,
    Map<String, String> labels,
    List<ActorDescription> actors,
    List<ProviderDescription> providers) {
  public HostInventory {
    Objects.requireNonNull(hostId, "hostId");
    issuer = issuer == null ? "" : issuer;
    friendlyName = friendlyName == null ? "" : friendlyName;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    actors = actors == null ? List.of() : List.copyOf(actors);
    providers = providers == null ? List.of() : List.copyOf(providers);
  }
}
