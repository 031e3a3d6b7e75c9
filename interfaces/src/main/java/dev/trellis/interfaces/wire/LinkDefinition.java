package dev.trellis.interfaces.wire;

import java.util.Map;
import java.util.Objects;

/**
 * A link: (actor, contract, link name) → provider, with its values (spec §6.3, controlplane §3.3).
 * Identity is (actorId, contractId, linkName); {@code id} is derived from it (controlplane §4.2).
 *
 * @param actorId the actor {@code M…} key
 * @param providerId the provider {@code V…} key
 * @param linkName the link name, e.g. {@code default}
 * @param contractId the contract, e.g. {@code wasmcloud:keyvalue}
 * @param values the link settings; never null
 */
public record LinkDefinition(
    String actorId,
    String providerId,
    String linkName,
    String contractId,
    Map<String, String> values) {

  public LinkDefinition {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(contractId, "contractId");
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  /** The link id: uppercase hex SHA-256 of actorId ‖ contractId ‖ linkName. */
  public String id() {
    return LinkId.of(actorId, contractId, linkName);
  }
}
