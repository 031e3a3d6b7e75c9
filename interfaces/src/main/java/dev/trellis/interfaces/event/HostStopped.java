package dev.trellis.interfaces.event;

import java.util.Map;

/**
 * {@code host_stopped}: the host shut down gracefully.
 *
 * @param labels the host labels
 */
public record HostStopped(Map<String, String> labels) implements LatticeEvent {
  public static final String TYPE = "host_stopped";

  public HostStopped {
    labels = Map.copyOf(labels);
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
