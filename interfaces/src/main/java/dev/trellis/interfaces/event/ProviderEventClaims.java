package dev.trellis.interfaces.event;

import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.claims.TokenValidation;
import java.util.List;
import java.util.Objects;

/**
 * The {@code claims} object of {@code provider_started}. Provider claims have no tags in wascap;
 * {@code tags} is written as a list (empty) for the same strict readers as the actor claims.
 *
 * @param issuer the signing account
 * @param tags the tags (empty for wascap provider claims)
 * @param name the provider's name; {@code ""} when none
 * @param version the human version; {@code ""} when none (wadm requires a string)
 * @param notBeforeHuman e.g. {@code immediately}
 * @param expiresHuman e.g. {@code never}
 */
public record ProviderEventClaims(
    String issuer,
    List<String> tags,
    String name,
    String version,
    String notBeforeHuman,
    String expiresHuman) {
  public ProviderEventClaims {
    Objects.requireNonNull(issuer, "issuer");
    tags = tags == null ? List.of() : List.copyOf(tags);
    name = name == null ? "" : name;
    version = version == null ? "" : version;
    Objects.requireNonNull(notBeforeHuman, "notBeforeHuman");
    Objects.requireNonNull(expiresHuman, "expiresHuman");
  }

  /** The event claims of a validated provider token (its metadata must be present). */
  public static ProviderEventClaims of(TokenValidation<ProviderMetadata> validation) {
    ProviderMetadata m =
        Objects.requireNonNull(validation.claims().metadata(), "provider claims have no metadata");
    return new ProviderEventClaims(
        validation.claims().issuer(),
        List.of(),
        m.name(),
        m.ver(),
        validation.notBeforeHuman(),
        validation.expiresHuman());
  }
}
