package dev.trellis.interfaces.wire;

/**
 * The health request a host sends to a provider (spec §6.4). Hosts write {@code {"placeholder":
 * true}}; receivers ignore the body.
 */
public record HealthCheckRequest() {}
