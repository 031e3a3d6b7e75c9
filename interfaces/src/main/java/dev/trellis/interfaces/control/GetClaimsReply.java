package dev.trellis.interfaces.control;

import java.util.List;

/**
 * The reply to {@code get.claims}: {@code {"claims":[…]}} (controlplane §2.2).
 *
 * @param claims every claims record the host knows
 */
public record GetClaimsReply(List<ClaimsRecord> claims) {
  public GetClaimsReply {
    claims = claims == null ? List.of() : List.copyOf(claims);
  }
}
