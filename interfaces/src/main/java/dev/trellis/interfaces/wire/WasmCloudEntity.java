package dev.trellis.interfaces.wire;

import java.util.Objects;

/**
 * One end of an invocation: an actor ({@code M…} key, empty contract and link name) or a provider
 * ({@code V…} key, contract id and link name). All three fields are always written (spec §2.4).
 *
 * @param publicKey the actor or provider public key, or a tool's pseudo id such as {@code system}
 * @param contractId the capability contract of a provider, {@code ""} for an actor
 * @param linkName the link name of a provider, {@code ""} for an actor
 */
public record WasmCloudEntity(String publicKey, String contractId, String linkName) {

  public WasmCloudEntity {
    Objects.requireNonNull(publicKey, "publicKey");
    contractId = contractId == null ? "" : contractId;
    linkName = linkName == null ? "" : linkName;
  }

  /** The entity of an actor. */
  public static WasmCloudEntity actor(String publicKey) {
    return new WasmCloudEntity(publicKey, "", "");
  }

  /** The entity of a provider serving {@code contractId} under {@code linkName}. */
  public static WasmCloudEntity provider(String publicKey, String contractId, String linkName) {
    return new WasmCloudEntity(publicKey, contractId, linkName);
  }

  /**
   * Whether this entity is an actor. Follows rpc-rs: an entity with an empty link name or contract
   * id is an actor.
   */
  public boolean isActor() {
    return contractId.isEmpty() || linkName.isEmpty();
  }
}
