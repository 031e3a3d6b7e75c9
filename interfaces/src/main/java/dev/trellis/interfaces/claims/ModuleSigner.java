package dev.trellis.interfaces.claims;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs actor modules (what {@code wash claims sign} does): issuer = an account key, subject = a
 * module key, metadata from a template whose hash is replaced by the module hash.
 *
 * <pre>{@code
 * byte[] signed = ModuleSigner.builder()
 *     .withAccount(account)
 *     .withModule(module)
 *     .withMetadata(ActorMetadata.builder().withName("Echo").addCap("wasmcloud:httpserver").build())
 *     .build()
 *     .sign(wasm);
 * }</pre>
 *
 * <p>As wascap's {@code Actor::new} does, a call alias is normalized: lower-cased, trimmed,
 * non-ASCII removed, and {@code ' '}, {@code '-'}, {@code '.'} replaced by {@code '_'}.
 */
public final class ModuleSigner {
  private final KeyPair account;
  private final String moduleKey;
  private final ActorMetadata metadata;
  private final Instant expires;
  private final Instant notBefore;
  private final Clock clock;

  private ModuleSigner(Builder builder) {
    this.account = builder.account;
    this.moduleKey = builder.moduleKey;
    this.metadata = builder.metadata;
    this.expires = builder.expires;
    this.notBefore = builder.notBefore;
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code module} (signed or not) with new claims embedded. */
  public byte[] sign(byte[] module) {
    ActorMetadata normalized =
        new ActorMetadata(
            metadata.name(),
            "",
            metadata.tags(),
            metadata.caps(),
            metadata.rev(),
            metadata.ver(),
            normalizeCallAlias(metadata.callAlias()),
            metadata.provider());
    Claims<ActorMetadata> claims =
        Claims.builder(normalized)
            .withIssuer(account.publicKey())
            .withSubject(moduleKey)
            .withExpires(expires)
            .withNotBefore(notBefore)
            .withClock(clock)
            .build();
    return ModuleClaims.embed(module, claims, account);
  }

  static String normalizeCallAlias(String alias) {
    if (alias == null) {
      return null;
    }
    String n = alias.toLowerCase(Locale.ROOT).trim();
    n = n.replaceAll("[^\\x00-\\x7F]", "");
    return n.replace(' ', '_').replace('-', '_').replace('.', '_');
  }

  /** Collects the signing keys, metadata and validity window. */
  public static final class Builder {
    private KeyPair account;
    private String moduleKey;
    private ActorMetadata metadata =
        ActorMetadata.builder().withTags(List.of()).withCaps(List.of()).build();
    private Instant expires;
    private Instant notBefore;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The signing account key ({@code A…}); it becomes {@code iss}. */
    public Builder withAccount(KeyPair value) {
      this.account = value;
      return this;
    }

    /** The module key pair ({@code M…}); only its public key is used, as {@code sub}. */
    public Builder withModule(KeyPair value) {
      return withModuleKey(value.publicKey());
    }

    /** The module public key ({@code M…}), as {@code sub}. */
    public Builder withModuleKey(String value) {
      this.moduleKey = value;
      return this;
    }

    /** The metadata template; its hash is ignored. Default: empty caps and tags. */
    public Builder withMetadata(ActorMetadata value) {
      this.metadata = Objects.requireNonNull(value, "metadata");
      return this;
    }

    public Builder withExpires(Instant value) {
      this.expires = value;
      return this;
    }

    public Builder withNotBefore(Instant value) {
      this.notBefore = value;
      return this;
    }

    public Builder withClock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @throws IllegalStateException if a key is missing or of the wrong type
     */
    public ModuleSigner build() {
      if (account == null || account.type() != KeyType.ACCOUNT) {
        throw new IllegalStateException(
            "failed to build module signer: withAccount needs an account key pair (SA… seed)");
      }
      if (moduleKey == null || !NKeys.isValidPublicKey(moduleKey, KeyType.MODULE)) {
        throw new IllegalStateException(
            "failed to build module signer: withModule needs a module key (M…), got " + moduleKey);
      }
      return new ModuleSigner(this);
    }
  }
}
