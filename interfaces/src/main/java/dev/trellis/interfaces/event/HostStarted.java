package dev.trellis.interfaces.event;

import java.util.Map;
import java.util.Objects;

/**
 * {@code host_started}: the host is up (after the config service was asked).
 *
 * @param labels the host labels
 * @param friendlyName the host's friendly name
 * @param uptimeSeconds seconds since start
 * @param version the host version (semver)
 */
public record HostStarted(
    Map<String, String> labels, String friendlyName, long uptimeSeconds, String version)
    implements LatticeEvent {
  public static final String TYPE = "host_started";

  public HostStarted {
    labels = Map.copyOf(labels);
    Objects.requireNonNull(friendlyName, "friendlyName");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
