package dev.trellis.interfaces.antiforgery;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs invocations with the cluster key (spec §4.1, §4.2). Thread-safe.
 *
 * <p>For a chunked payload (spec §5), sign the full payload with {@link #encodeClaims} and send the
 * invocation with an empty {@code msg} and {@code content_length} = the full length.
 */
public final class InvocationSigner {
  private final KeyPair clusterKey;
  private final Clock clock;

  /**
   * @param clusterKey the cluster key pair ({@code SC…} seed); its public key is {@code iss}
   * @param clock gives {@code iat}
   */
  public InvocationSigner(KeyPair clusterKey, Clock clock) {
    this.clusterKey = Objects.requireNonNull(clusterKey, "clusterKey");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The issuer of every invocation this signer signs. */
  public String issuer() {
    return clusterKey.publicKey();
  }

  /**
   * A complete signed invocation with a new id (UUID v4 with hyphens, as OTP writes it) and {@code
   * content_length} = {@code msg.length}.
   */
  public Invocation sign(
      WasmCloudEntity origin, WasmCloudEntity target, String operation, byte[] msg, String hostId) {
    String id = UUID.randomUUID().toString();
    String claims = encodeClaims(id, origin, target, operation, msg);
    return new Invocation(
        origin, target, operation, msg, id, claims, hostId, (long) msg.length, Map.of());
  }

  /**
   * The {@code encoded_claims} for invocation {@code invocationId}: {@code sub} = the id, {@code
   * wascap} = target URL, origin URL and the hash of the full {@code payload}; no {@code exp} or
   * {@code nbf}; {@code wascap_revision} 3.
   */
  public String encodeClaims(
      String invocationId,
      WasmCloudEntity origin,
      WasmCloudEntity target,
      String operation,
      byte[] payload) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(payload, "payload");
    String originUrl = EntityUrls.of(origin);
    String targetUrl = EntityUrls.target(target, operation);
    InvocationMetadata metadata =
        new InvocationMetadata(
            targetUrl, originUrl, InvocationHash.compute(originUrl, targetUrl, operation, payload));
    Claims<InvocationMetadata> claims =
        Claims.builder(metadata)
            .withIssuer(clusterKey.publicKey())
            .withSubject(invocationId)
            .withClock(clock)
            .build();
    return Jwt.encode(claims, clusterKey);
  }
}
