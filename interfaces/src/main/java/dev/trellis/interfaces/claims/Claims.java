package dev.trellis.interfaces.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a wascap JWT (spec §8.2). Times are Unix seconds. Serialized in serde field order:
 * {@code exp?, jti, iat, iss, sub, nbf?, wascap?, wascap_revision?}.
 *
 * @param expires {@code exp}, or {@code null} when the token never expires
 * @param jti the token id (22 characters when we make it)
 * @param issuedAt {@code iat}
 * @param issuer {@code iss}: the signer's public key
 * @param subject {@code sub}: the module, service or invocation the claims are about
 * @param notBefore {@code nbf}, or {@code null} when valid at once
 * @param metadata the {@code wascap} object, or {@code null} when absent
 * @param wascapRevision {@code wascap_revision}, or {@code null} when absent (tokens of wascap ≤
 *     0.8)
 * @param <T> the metadata type
 */
public record Claims<T extends Metadata>(
    Long expires,
    String jti,
    long issuedAt,
    String issuer,
    String subject,
    Long notBefore,
    T metadata,
    Integer wascapRevision) {

  /** The revision written by wascap ≥ 0.10.1, and by us. */
  public static final int CURRENT_REVISION = 3;

  public Claims {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
  }

  /** A copy with other metadata. */
  public Claims<T> withMetadata(T newMetadata) {
    return new Claims<>(
        expires, jti, issuedAt, issuer, subject, notBefore, newMetadata, wascapRevision);
  }

  /** Claims about {@code metadata}, to be completed by the builder. */
  public static <T extends Metadata> Builder<T> builder(T metadata) {
    return new Builder<>(metadata);
  }

  /**
   * Builds claims. Unless set, {@code jti} is a fresh {@link Nuid}, {@code iat} is the clock's
   * current second and {@code wascap_revision} is {@value #CURRENT_REVISION}.
   */
  public static final class Builder<T extends Metadata> {
    private final T metadata;
    private String issuer;
    private String subject;
    private String jti;
    private Long issuedAt;
    private Long expires;
    private Long notBefore;
    private Integer wascapRevision = CURRENT_REVISION;
    private Clock clock = Clock.systemUTC();

    private Builder(T metadata) {
      this.metadata = metadata;
    }

    public Builder<T> withIssuer(String value) {
      this.issuer = value;
      return this;
    }

    public Builder<T> withSubject(String value) {
      this.subject = value;
      return this;
    }

    public Builder<T> withJti(String value) {
      this.jti = value;
      return this;
    }

    public Builder<T> withIssuedAt(long epochSeconds) {
      this.issuedAt = epochSeconds;
      return this;
    }

    /** Sets {@code exp}; {@code null} means the token never expires. */
    public Builder<T> withExpires(Instant value) {
      this.expires = value == null ? null : value.getEpochSecond();
      return this;
    }

    /** Sets {@code nbf}; {@code null} means valid at once. */
    public Builder<T> withNotBefore(Instant value) {
      this.notBefore = value == null ? null : value.getEpochSecond();
      return this;
    }

    /** Sets {@code wascap_revision}; {@code null} omits it. */
    public Builder<T> withWascapRevision(Integer value) {
      this.wascapRevision = value;
      return this;
    }

    /** The clock that gives {@code iat} when it is not set explicitly. */
    public Builder<T> withClock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Claims<T> build() {
      if (issuer == null || issuer.isEmpty()) {
        throw new IllegalStateException("failed to build claims: no issuer; call withIssuer");
      }
      if (subject == null || subject.isEmpty()) {
        throw new IllegalStateException("failed to build claims: no subject; call withSubject");
      }
      long iat = issuedAt != null ? issuedAt : clock.instant().getEpochSecond();
      return new Claims<>(
          expires,
          jti != null ? jti : Nuid.next(),
          iat,
          issuer,
          subject,
          notBefore,
          metadata,
          wascapRevision);
    }
  }
}
