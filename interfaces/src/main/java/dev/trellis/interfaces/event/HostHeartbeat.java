package dev.trellis.interfaces.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code host_heartbeat} in the OTP 0.60+ shape (controlplane §6.3), every 30 s and on every {@code
 * ping.hosts}.
 *
 * @param actors actor public key → number of running instances
 * @param providers the running providers
 * @param labels the host labels
 * @param friendlyName the host's friendly name
 * @param version the host version; semver, because wadm parses it
 * @param uptimeSeconds seconds since start
 * @param uptimeHuman e.g. {@code 1 hour, 51 minutes, 54 seconds} ({@link Uptime#human})
 */
public record HostHeartbeat(
    Map<String, Integer> actors,
    List<HeartbeatProvider> providers,
    Map<String, String> labels,
    String friendlyName,
    String version,
    long uptimeSeconds,
    String uptimeHuman)
    implements LatticeEvent {
  public static final String TYPE = "host_heartbeat";

  public HostHeartbeat {
    actors = Map.copyOf(actors);
    providers = List.copyOf(providers);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(friendlyName, "friendlyName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(uptimeHuman, "uptimeHuman");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
