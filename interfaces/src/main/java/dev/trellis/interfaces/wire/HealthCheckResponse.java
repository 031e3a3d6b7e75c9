package dev.trellis.interfaces.wire;

/**
 * A provider's (or actor's) health reply (spec §6.4, §9.7).
 *
 * @param healthy {@code false} when absent on the wire
 * @param message an optional human message, or {@code null}
 */
public record HealthCheckResponse(boolean healthy, String message) {

  public static HealthCheckResponse ok() {
    return new HealthCheckResponse(true, null);
  }
}
