package dev.trellis.interfaces.claims;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code wascap} object of a provider archive's claims (spec §8.3, §7.1).
 *
 * @param name the display name, or {@code null} (written as JSON {@code null})
 * @param capid the capability contract id, e.g. {@code wasmcloud:keyvalue}
 * @param vendor the vendor, e.g. {@code Redis}
 * @param rev the revision, or {@code null}
 * @param ver the human version, or {@code null}
 * @param targetHashes target ({@code x86_64-linux}…) → uppercase hex SHA-256 of its binary
 * @param configSchema a JSON schema for link values as compact JSON text, or {@code null}
 */
public record ProviderMetadata(
    String name,
    String capid,
    String vendor,
    Integer rev,
    String ver,
    Map<String, String> targetHashes,
    String configSchema)
    implements Metadata {

  public ProviderMetadata {
    Objects.requireNonNull(capid, "capid");
    Objects.requireNonNull(vendor, "vendor");
    targetHashes = targetHashes == null ? Map.of() : Map.copyOf(targetHashes);
    if (configSchema != null) {
      configSchema = ClaimsJson.compactJson(configSchema);
    }
  }

  /** A copy with other target hashes. */
  public ProviderMetadata withTargetHashes(Map<String, String> hashes) {
    return new ProviderMetadata(name, capid, vendor, rev, ver, hashes, configSchema);
  }
}
