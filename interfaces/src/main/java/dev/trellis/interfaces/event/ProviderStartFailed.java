package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * {@code provider_start_failed}: starting a provider failed, including a duplicate start (OTP
 * 0.57.3+).
 *
 * @param providerRef the reference as given (wash matches on it)
 * @param linkName the link name
 * @param error why
 */
public record ProviderStartFailed(String providerRef, String linkName, String error)
    implements LatticeEvent {
  public static final String TYPE = "provider_start_failed";

  public ProviderStartFailed {
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public String eventType() {
    return TYPE;
  }
}
