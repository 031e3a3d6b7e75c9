package dev.trellis.interfaces.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code registries.put}: registry (server name or URL) → credentials (controlplane
 * §2.7). Hosts merge it into their own map, later keys winning.
 *
 * @param credentials the credentials by the key they were sent under
 */
public record RegistryCredentialMap(Map<String, RegistryCredential> credentials) {
  public RegistryCredentialMap {
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
  }

  /**
   * The same credentials keyed by server name ({@link RegistryCredential#serverName}), the form a
   * host looks them up by when pulling.
   */
  public Map<String, RegistryCredential> byServer() {
    Map<String, RegistryCredential> out = new LinkedHashMap<>();
    credentials.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.put(
                    RegistryCredential.serverName(e.getKey(), e.getValue().registryType()),
                    e.getValue()));
    return Map.copyOf(out);
  }
}
