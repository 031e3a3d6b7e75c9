package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.lp}: start a capability provider (controlplane §2.14).
 *
 * @param providerRef an OCI reference, {@code bindle://…}, {@code file://…}, or a public key
 * @param linkName the link name the provider serves, e.g. {@code default}
 * @param hostId the host id of the body; {@code ""} when absent
 * @param annotations annotations of the provider instance; empty when absent
 * @param configuration opaque text handed to the provider as {@code config_json}; {@code ""} when
 *     absent
 */
public record StartProviderCommand(
    String providerRef,
    String linkName,
    String hostId,
    Map<String, String> annotations,
    String configuration) {
  public StartProviderCommand {
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(linkName, "linkName");
    hostId = hostId == null ? "" : hostId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    configuration = configuration == null ? "" : configuration;
  }

  /** {@code providerRef} under {@code linkName} on {@code hostId}, no annotations or config. */
  public static StartProviderCommand of(String providerRef, String linkName, String hostId) {
    return new StartProviderCommand(providerRef, linkName, hostId, Map.of(), "");
  }
}
