package dev.trellis.interfaces.event;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.TokenValidation;
import java.util.List;
import java.util.Objects;

/**
 * The {@code claims} object of {@code actor_started} and {@code actors_started}: what wadm 0.7
 * reads strictly, so lists are lists and nothing is null.
 *
 * @param callAlias the call alias; {@code ""} when none
 * @param caps the capability contracts the actor may use
 * @param issuer the signing account
 * @param tags the tags
 * @param name the actor's name; {@code ""} when none
 * @param version the human version; {@code ""} when none
 * @param revision the revision; 0 when none
 * @param notBeforeHuman e.g. {@code immediately}
 * @param expiresHuman e.g. {@code never}
 */
public record ActorEventClaims(
    String callAlias,
    List<String> caps,
    String issuer,
    List<String> tags,
    String name,
    String version,
    int revision,
    String notBeforeHuman,
    String expiresHuman) {
  public ActorEventClaims {
    callAlias = callAlias == null ? "" : callAlias;
    caps = caps == null ? List.of() : List.copyOf(caps);
    Objects.requireNonNull(issuer, "issuer");
    tags = tags == null ? List.of() : List.copyOf(tags);
    name = name == null ? "" : name;
    version = version == null ? "" : version;
    Objects.requireNonNull(notBeforeHuman, "notBeforeHuman");
    Objects.requireNonNull(expiresHuman, "expiresHuman");
  }

  /** The event claims of a validated actor token (its metadata must be present). */
  public static ActorEventClaims of(TokenValidation<ActorMetadata> validation) {
    ActorMetadata m =
        Objects.requireNonNull(validation.claims().metadata(), "actor claims have no metadata");
    return new ActorEventClaims(
        m.callAlias(),
        m.caps(),
        validation.claims().issuer(),
        m.tags(),
        m.name(),
        m.ver(),
        m.rev() == null ? 0 : m.rev(),
        validation.notBeforeHuman(),
        validation.expiresHuman());
  }
}
