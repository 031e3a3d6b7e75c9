package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code health_check_passed}: a provider became healthy (it was unhealthy or unknown).
 *
 * @param publicKey the provider's public key
 * @param contractId its contract
 * @param linkName its link name
 */
public record HealthCheckPassed(String publicKey, String contractId, String linkName)
    implements LatticeEvent {
  public static final String TYPE = "health_check_passed";

  public HealthCheckPassed {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(linkName, "linkName");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
