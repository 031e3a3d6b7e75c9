package dev.trellis.interfaces.control;

import dev.trellis.interfaces.wire.LinkId;
import java.util.Objects;

/**
 * {@code linkdefs.del}: remove the link identified by (actor, contract, link name) (controlplane
 * §2.6).
 *
 * @param actorId the actor's public key
 * @param contractId the contract, e.g. {@code wasmcloud:keyvalue}
 * @param linkName the link name
 */
public record LinkDeleteRequest(String actorId, String contractId, String linkName) {
  public LinkDeleteRequest {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(linkName, "linkName");
  }

  /** The id of the link to delete (controlplane §4.2). */
  public String linkId() {
    return LinkId.of(actorId, contractId, linkName);
  }
}
