package dev.trellis.host.actor;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.TokenValidation;
import dev.trellis.interfaces.claims.VerifiedModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed actor module whose claims were verified (spec §8.4): the JWT is present, its signature
 * valid, not expired and already valid, and the module hash matches (enforced from {@code
 * wascap_revision} 3; below that a mismatch is logged, as wascap 0.11 does).
 *
 * @param publicKey the actor's module key ({@code sub} of its claims)
 * @param claims the verified claims
 * @param bytes the module as loaded
 * @param jwt the module's claims token
 */
public record ActorModule(
    String publicKey, Claims<ActorMetadata> claims, byte[] bytes, String jwt) {
  private static final Logger LOG = LoggerFactory.getLogger(ActorModule.class);

  /**
   * Verifies {@code bytes}.
   *
   * @throws ActorLoadException naming the problem when the module is unsigned or its claims are
   *     invalid
   */
  public static ActorModule verify(byte[] bytes, Clock clock) {
    VerifiedModule verified;
    try {
      verified = ModuleClaims.verify(bytes, clock);
    } catch (ClaimsException e) {
      throw new ActorLoadException("failed to load actor: " + e.getMessage(), e);
    }
    verified
        .hashWarning()
        .ifPresent(w -> LOG.warn("actor hash mismatch actor={} {}", verified.actorKey(), w));
    return new ActorModule(verified.actorKey(), verified.claims(), bytes, verified.jwt());
  }

  /** Reads and verifies the module at {@code path}. */
  public static ActorModule read(Path path, Clock clock) {
    try {
      return verify(Files.readAllBytes(path), clock);
    } catch (IOException e) {
      throw new ActorLoadException("failed to load actor from " + path + ": " + e.getMessage(), e);
    }
  }

  public ActorMetadata metadata() {
    return claims.metadata();
  }

  /** The revision: {@code rev}, or 0 when the claims have none. */
  public int revision() {
    return metadata().rev() == null ? 0 : metadata().rev();
  }

  /** The claims as wascap's validation reports them (human times), for events. */
  public TokenValidation<ActorMetadata> validation(Clock clock) {
    return Jwt.validate(jwt, ActorMetadata.class, clock);
  }
}
