package dev.trellis.interfaces.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One host's reply to {@code ping.hosts} (controlplane §3.1, OTP 0.60–0.63 field set). Text fields
 * are never null ({@code ""} when unknown) except {@code jsDomain}, which OTP sends as {@code null}
 * when no JetStream domain is configured.
 *
 * @param id the host's public key ({@code N…})
 * @param issuer the cluster public key ({@code C…})
 * @param labels the host labels
 * @param friendlyName e.g. {@code misty-river-4231}
 * @param uptimeSeconds seconds since the host started
 * @param uptimeHuman e.g. {@code 1 hour, 51 minutes, 54 seconds}
 * @param version the host version; semver, because wadm parses it
 * @param clusterIssuers the accepted cluster keys; written comma-joined
 * @param jsDomain the JetStream domain, or null for none
 * @param ctlHost the configured control NATS host
 * @param rpcHost the configured RPC NATS host
 * @param provRpcHost the NATS host handed to providers
 * @param latticePrefix the lattice
 */
public record Host(
    String id,
    String issuer,
    Map<String, String> labels,
    String friendlyName,
    long uptimeSeconds,
    String uptimeHuman,
    String version,
    List<String> clusterIssuers,
    String jsDomain,
    String ctlHost,
    String rpcHost,
    String provRpcHost,
    String latticePrefix) {
  public Host {
    Objects.requireNonNull(id, "id");
    issuer = orEmpty(issuer);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    friendlyName = orEmpty(friendlyName);
    if (uptimeSeconds < 0) {
      throw new IllegalArgumentException("uptimeSeconds must not be negative: " + uptimeSeconds);
    }
    uptimeHuman = orEmpty(uptimeHuman);
    version = orEmpty(version);
    clusterIssuers = clusterIssuers == null ? List.of() : List.copyOf(clusterIssuers);
    ctlHost = orEmpty(ctlHost);
    rpcHost = orEmpty(rpcHost);
    provRpcHost = orEmpty(provRpcHost);
    latticePrefix = orEmpty(latticePrefix);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
