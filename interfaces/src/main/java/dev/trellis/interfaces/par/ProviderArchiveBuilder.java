package dev.trellis.interfaces.par;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds and signs a provider archive (what {@code wash par create} does).
 *
 * <pre>{@code
 * ProviderArchive par = ProviderArchive.builder()
 *     .withCapabilityId("wasmcloud:keyvalue")
 *     .withVendor("Redis")
 *     .withName("Redis KV")
 *     .addTarget("x86_64-linux", linuxBinary)
 *     .addTarget("aarch64-macos", macBinary)
 *     .withIssuer(account)   // A… key pair: signs, becomes iss
 *     .withSubject(service)  // V… key pair: the provider's identity, sub
 *     .build();
 * }</pre>
 */
public final class ProviderArchiveBuilder {
  private String name;
  private String capid;
  private String vendor;
  private Integer rev;
  private String ver;
  private String configSchema;
  private final Map<String, byte[]> binaries = new LinkedHashMap<>();
  private KeyPair issuer;
  private String subject;
  private Instant expires;
  private Instant notBefore;
  private Clock clock = Clock.systemUTC();

  ProviderArchiveBuilder() {}

  public ProviderArchiveBuilder withName(String value) {
    this.name = value;
    return this;
  }

  public ProviderArchiveBuilder withCapabilityId(String value) {
    this.capid = value;
    return this;
  }

  public ProviderArchiveBuilder withVendor(String value) {
    this.vendor = value;
    return this;
  }

  public ProviderArchiveBuilder withRevision(Integer value) {
    this.rev = value;
    return this;
  }

  public ProviderArchiveBuilder withVersion(String value) {
    this.ver = value;
    return this;
  }

  /** A JSON schema for link values, as JSON text. */
  public ProviderArchiveBuilder withConfigSchema(String json) {
    this.configSchema = json;
    return this;
  }

  /** Adds the executable for {@code target}, e.g. {@code x86_64-linux}. */
  public ProviderArchiveBuilder addTarget(String target, byte[] binary) {
    if (target == null || target.isEmpty() || target.contains("/") || target.contains(".")) {
      throw new IllegalArgumentException(
          "failed to add target '" + target + "': expected {arch}-{os}, e.g. x86_64-linux");
    }
    binaries.put(target, binary.clone());
    return this;
  }

  /** The account key pair ({@code A…}) that signs the claims. */
  public ProviderArchiveBuilder withIssuer(KeyPair value) {
    this.issuer = value;
    return this;
  }

  /** The provider's service key pair ({@code V…}); only its public key is used. */
  public ProviderArchiveBuilder withSubject(KeyPair value) {
    return withSubjectKey(value.publicKey());
  }

  /** The provider's service public key ({@code V…}). */
  public ProviderArchiveBuilder withSubjectKey(String value) {
    this.subject = value;
    return this;
  }

  public ProviderArchiveBuilder withExpires(Instant value) {
    this.expires = value;
    return this;
  }

  public ProviderArchiveBuilder withNotBefore(Instant value) {
    this.notBefore = value;
    return this;
  }

  public ProviderArchiveBuilder withClock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Computes {@code target_hashes}, signs the claims and returns the archive.
   *
   * @throws IllegalStateException if something required is missing
   */
  public ProviderArchive build() {
    require(capid != null && !capid.isEmpty(), "no capability id; call withCapabilityId");
    require(vendor != null, "no vendor; call withVendor");
    require(!binaries.isEmpty(), "no target binary; call addTarget");
    ProviderMetadata metadata =
        new ProviderMetadata(name, capid, vendor, rev, ver, Map.of(), configSchema);
    return sign(
        metadata,
        binaries,
        issuer,
        subject,
        expires == null ? null : expires.getEpochSecond(),
        notBefore == null ? null : notBefore.getEpochSecond(),
        clock);
  }

  static ProviderArchive sign(
      ProviderMetadata metadata,
      Map<String, byte[]> binaries,
      KeyPair issuer,
      String subject,
      Long expires,
      Long notBefore,
      Clock clock) {
    require(
        issuer != null && issuer.type() == KeyType.ACCOUNT,
        "the issuer must be an account key pair (SA… seed)");
    require(
        NKeys.isValidPublicKey(subject, KeyType.SERVICE),
        "the subject must be a service key (V…), got " + subject);
    Map<String, String> hashes = new TreeMap<>();
    binaries.forEach((target, binary) -> hashes.put(target, ProviderArchive.sha256Hex(binary)));
    Claims<ProviderMetadata> claims =
        Claims.builder(metadata.withTargetHashes(hashes))
            .withIssuer(issuer.publicKey())
            .withSubject(subject)
            .withExpires(expires == null ? null : Instant.ofEpochSecond(expires))
            .withNotBefore(notBefore == null ? null : Instant.ofEpochSecond(notBefore))
            .withClock(clock)
            .build();
    return new ProviderArchive(Jwt.encode(claims, issuer), claims, binaries);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException("failed to build provider archive: " + problem);
    }
  }
}
