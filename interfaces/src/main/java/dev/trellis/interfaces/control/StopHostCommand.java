package dev.trellis.interfaces.control;

/**
 * {@code cmd.{host}.stop}: stop the host (controlplane §2.16).
 *
 * @param hostId the host id of the body; {@code ""} when absent
 * @param timeoutMillis how long the client allows for a graceful stop, or null when not given
 */
public record StopHostCommand(String hostId, Long timeoutMillis) {
  public StopHostCommand {
    hostId = hostId == null ? "" : hostId;
    if (timeoutMillis != null && timeoutMillis < 0) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeoutMillis);
    }
  }
}
