package dev.trellis.interfaces.control;

import java.util.Optional;

/** The kinds of artifact registry a credential is for ({@code registryType}, controlplane §2.7). */
public enum RegistryType {
  OCI("oci"),
  BINDLE("bindle");

  private final String wireName;

  RegistryType(String wireName) {
    this.wireName = wireName;
  }

  /** {@code oci} or {@code bindle}. */
  public String wireName() {
    return wireName;
  }

  /** The type named {@code name} exactly, if any. */
  public static Optional<RegistryType> fromWireName(String name) {
    for (RegistryType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
