package dev.trellis.interfaces.control;

import dev.trellis.interfaces.Subjects;
import java.util.Objects;

/**
 * Which public key an OCI reference resolved to: the value of KV key {@code
 * REFMAP_{base64url(ref)}} (controlplane §4.2), also the {@code refmap_set} event's data.
 *
 * @param ociUrl the reference as it was given, e.g. {@code wasmcloud.azurecr.io/echo:0.3.4}
 * @param publicKey the actor or provider public key
 */
public record RefMap(String ociUrl, String publicKey) {
  public RefMap {
    Objects.requireNonNull(ociUrl, "ociUrl");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** The KV key holding this mapping. */
  public String key() {
    return Subjects.refmapKey(ociUrl);
  }
}
