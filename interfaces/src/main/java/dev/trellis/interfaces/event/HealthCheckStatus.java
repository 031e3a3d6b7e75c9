package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code health_check_status}: a provider's health did not change (every check, OTP 0.62+).
 *
 * @param publicKey the provider's public key
 * @param contractId its contract
 * @param linkName its link name
 */
public record HealthCheckStatus(String publicKey, String contractId, String linkName)
    implements LatticeEvent {
  public static final String TYPE = "health_check_status";

  public HealthCheckStatus {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(linkName, "linkName");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
