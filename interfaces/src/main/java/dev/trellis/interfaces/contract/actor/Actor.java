package dev.trellis.interfaces.contract.actor;

/**
 * The core {@code Actor} service (spec §9.7). Its shapes are the health pair of the wire package:
 * input {@link dev.trellis.interfaces.wire.HealthCheckRequest}, output {@link
 * dev.trellis.interfaces.wire.HealthCheckResponse}, both encoded by {@link
 * dev.trellis.interfaces.wire.HealthCheckCodec}. OTP ≥ 0.55 never calls it; wasmbus-rpc actors
 * still answer it.
 */
public final class Actor {
  /**
   * Input: HealthCheckRequest ({@code {}} or {@code {"placeholder":true}}). Output:
   * HealthCheckResponse.
   */
  public static final String HEALTH_REQUEST = "Actor.HealthRequest";

  private Actor() {}
}
