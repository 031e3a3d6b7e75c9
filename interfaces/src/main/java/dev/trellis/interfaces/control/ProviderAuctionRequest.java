package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code auction.provider}: which hosts could run this provider under this link name? (controlplane
 * §2.9)
 *
 * @param providerRef the provider reference (or public key) to place
 * @param linkName the link name; {@code "default"} when absent
 * @param constraints labels a host must carry, each with exactly this value; empty = any host
 */
public record ProviderAuctionRequest(
    String providerRef, String linkName, Map<String, String> constraints) {
  /** The link name used when the request gives none. */
  public static final String DEFAULT_LINK_NAME = "default";

  public ProviderAuctionRequest {
    Objects.requireNonNull(providerRef, "providerRef");
    linkName = linkName == null ? DEFAULT_LINK_NAME : linkName;
    constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
  }

  /** Whether a host with {@code labels} qualifies by labels (running providers aside). */
  public boolean matches(Map<String, String> labels) {
    return Constraints.satisfiedBy(constraints, labels);
  }
}
