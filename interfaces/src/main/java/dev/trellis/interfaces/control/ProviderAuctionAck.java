package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * A qualifying host's answer to a provider auction (controlplane §3.5).
 *
 * @param providerRef the requested reference, echoed
 * @param linkName the link name (the request's, or {@code "default"})
 * @param hostId the bidding host
 * @param constraints the request's constraints, echoed ({@code {}} when none)
 */
public record ProviderAuctionAck(
    String providerRef, String linkName, String hostId, Map<String, String> constraints) {
  public ProviderAuctionAck {
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(linkName, "linkName");
    Objects.requireNonNull(hostId, "hostId");
    constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
  }

  /** The bid of {@code hostId} for {@code request}. */
  public static ProviderAuctionAck of(ProviderAuctionRequest request, String hostId) {
    return new ProviderAuctionAck(
        request.providerRef(), request.linkName(), hostId, request.constraints());
  }
}
