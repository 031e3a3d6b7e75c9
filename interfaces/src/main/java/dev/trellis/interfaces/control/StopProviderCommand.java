package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.sp}: stop a capability provider (controlplane §2.15). Providers are identified
 * by (public key, link name); OTP 0.60+ refuses a {@code provider_ref} that is not 56 characters
 * long, i.e. not a public key.
 *
 * @param providerRef the provider's public key ({@code V…})
 * @param linkName its link name
 * @param contractId its contract; ignored by OTP, {@code ""} when absent
 * @param hostId the host id of the body; {@code ""} when absent
 * @param annotations ignored by OTP; empty when absent
 */
public record StopProviderCommand(
    String providerRef,
    String linkName,
    String contractId,
    String hostId,
    Map<String, String> annotations) {
  public StopProviderCommand {
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(linkName, "linkName");
    contractId = contractId == null ? "" : contractId;
    hostId = hostId == null ? "" : hostId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
