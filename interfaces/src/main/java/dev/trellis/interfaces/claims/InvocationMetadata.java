package dev.trellis.interfaces.claims;

import java.util.Objects;

/**
 * The {@code wascap} object of invocation claims (spec §4.2).
 *
 * @param targetUrl the target entity URL plus {@code /operation}
 * @param originUrl the origin entity URL
 * @param hash the uppercase hex SHA-256 of origin URL ‖ target URL ‖ operation ‖ payload
 */
public record InvocationMetadata(String targetUrl, String originUrl, String hash)
    implements Metadata {
  public InvocationMetadata {
    Objects.requireNonNull(targetUrl, "targetUrl");
    Objects.requireNonNull(originUrl, "originUrl");
    Objects.requireNonNull(hash, "hash");
  }
}
