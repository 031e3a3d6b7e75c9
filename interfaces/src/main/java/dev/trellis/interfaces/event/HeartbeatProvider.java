package dev.trellis.interfaces.event;

import java.util.Objects;

/**
 * One running provider in a {@link HostHeartbeat}.
 *
 * @param publicKey the provider's public key
 * @param linkName its link name
 * @param contractId its contract ({@code "n/a"} when the host does not know it)
 */
public record HeartbeatProvider(String publicKey, String linkName, String contractId) {
  public HeartbeatProvider {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(contractId, "contractId");
  }
}
