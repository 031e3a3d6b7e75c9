package dev.trellis.interfaces.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.NKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * wascap JWTs (spec §8.2): {@code b64url(header) . b64url(claims) . b64url(Ed25519 signature)} with
 * header {@code {"typ":"jwt","alg":"Ed25519"}}, signed by the issuer's key over the ASCII of the
 * first two segments. These are not NATS JWTs.
 *
 * <p>Three levels, like wascap: {@link #decode} reads claims without checking anything but the
 * structure; {@link #validate} also checks the header, {@code iss}, {@code sub}, the signature and
 * the times and reports the last three as flags; {@link #verify} throws on any failure.
 */
public final class Jwt {
  /** The header segment of every wascap token: {@code {"typ":"jwt","alg":"Ed25519"}}. */
  public static final String HEADER_SEGMENT = "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0";

  private static final String ALGORITHM = "Ed25519";
  private static final String TYPE = "jwt";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  /**
   * Encodes and signs {@code claims}. The claims JSON is byte-identical to wascap's for the same
   * claims, and Ed25519 is deterministic, so the token is too.
   *
   * @throws IllegalArgumentException if {@code claims.issuer()} is not {@code issuer}'s public key
   */
  public static String encode(Claims<?> claims, KeyPair issuer) {
    Objects.requireNonNull(claims, "claims");
    if (!claims.issuer().equals(issuer.publicKey())) {
      throw new IllegalArgumentException(
          "failed to sign claims: issuer "
              + claims.issuer()
              + " is not the signing key "
              + issuer.publicKey());
    }
    String signed =
        HEADER_SEGMENT
            + "."
            + ENCODER.encodeToString(ClaimsJson.write(claims).getBytes(StandardCharsets.UTF_8));
    byte[] signature = issuer.sign(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + ENCODER.encodeToString(signature);
  }

  /**
   * Decodes the claims of {@code token} without validating header, signature or times (wascap's
   * {@code Claims::decode}).
   *
   * @throws MalformedTokenException if there are not 3 segments or the claims do not decode
   */
  public static <T extends Metadata> Claims<T> decode(String token, Class<T> kind) {
    String[] segments = split(token);
    return ClaimsReader.read(
        ClaimsJson.parse(segment(segments[1], "claims"), "claims token"), kind);
  }

  /**
   * Validates {@code token} as wascap's {@code validate_token} does: structure, header, {@code
   * iss}/{@code sub} present, {@code iss} a public key; then signature, {@code exp} and {@code nbf}
   * (against {@code clock}) are reported as flags.
   *
   * @throws MalformedTokenException for every structural failure
   */
  public static <T extends Metadata> TokenValidation<T> validate(
      String token, Class<T> kind, Clock clock) {
    String[] segments = split(token);
    byte[] signature = segment(segments[2], "signature");
    checkHeader(ClaimsJson.parse(segment(segments[0], "header"), "token header"));
    Claims<T> claims =
        ClaimsReader.read(ClaimsJson.parse(segment(segments[1], "claims"), "claims token"), kind);
    if (claims.issuer().isEmpty()) {
      throw new MalformedTokenException(
          "failed to validate claims token: empty issuer (iss)",
          "Invalid JWT. WASCAP requires an issuer claim to be present");
    }
    if (claims.subject().isEmpty()) {
      throw new MalformedTokenException(
          "failed to validate claims token: empty subject (sub)",
          "Invalid JWT. WASCAP requires a sub claim to be present");
    }
    boolean signatureValid;
    try {
      byte[] signed = (segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII);
      signatureValid = NKeys.verify(claims.issuer(), signed, signature);
    } catch (KeyException e) {
      throw new MalformedTokenException(
          "failed to validate claims token: issuer is not a public key: " + e.getMessage(),
          "Encryption error: " + e.getMessage(),
          e);
    }
    Instant now = clock.instant();
    long nowSeconds = now.getEpochSecond();
    Long exp = claims.expires();
    Long nbf = claims.notBefore();
    boolean expired = exp != null && (exp < nowSeconds || (exp == nowSeconds && now.getNano() > 0));
    boolean cannotUseYet = nbf != null && nowSeconds < nbf;
    return new TokenValidation<>(
        claims,
        signatureValid,
        expired,
        cannotUseYet,
        exp == null ? "never" : HumanTime.relative(exp, nowSeconds),
        nbf == null ? "immediately" : HumanTime.relative(nbf, nowSeconds));
  }

  /**
   * Validates {@code token} and throws on the first failure, in this order: structure, signature,
   * expiry, not-before, missing metadata.
   */
  public static <T extends Metadata> Claims<T> verify(String token, Class<T> kind, Clock clock) {
    return requireValid(validate(token, kind, clock));
  }

  /**
   * The claims of {@code validation}, or the exception for its first failure: signature, expiry,
   * not-before, missing metadata.
   */
  public static <T extends Metadata> Claims<T> requireValid(TokenValidation<T> validation) {
    Claims<T> claims = validation.claims();
    if (!validation.signatureValid()) {
      throw new InvalidSignatureException(
          "failed to verify claims token "
              + claims.jti()
              + ": signature does not verify against issuer "
              + claims.issuer());
    }
    if (validation.expired()) {
      throw new TokenExpiredException(
          "failed to verify claims token "
              + claims.jti()
              + " for "
              + claims.subject()
              + ": expired "
              + validation.expiresHuman()
              + " (exp "
              + claims.expires()
              + ")");
    }
    if (validation.cannotUseYet()) {
      throw new TokenNotYetValidException(
          "failed to verify claims token "
              + claims.jti()
              + " for "
              + claims.subject()
              + ": not valid until "
              + validation.notBeforeHuman()
              + " (nbf "
              + claims.notBefore()
              + ")");
    }
    if (claims.metadata() == null) {
      throw new MissingMetadataException(
          "failed to verify claims token "
              + claims.jti()
              + " for "
              + claims.subject()
              + ": no wascap metadata");
    }
    return claims;
  }

  private static String[] split(String token) {
    if (token == null) {
      throw new MalformedTokenException(
          "failed to decode claims token: it is null",
          "JWT error: invalid token format, expected 3 segments, found 0");
    }
    String[] segments = token.split("\\.", -1);
    if (segments.length != 3) {
      throw new MalformedTokenException(
          "failed to decode claims token: expected 3 segments separated by '.', found "
              + segments.length,
          "JWT error: invalid token format, expected 3 segments, found " + segments.length);
    }
    return segments;
  }

  /** Strict base64url without padding: the input must be the canonical encoding of its bytes. */
  private static byte[] segment(String text, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw badBase64(what, e);
    }
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw badBase64(what, null);
    }
    return bytes;
  }

  private static MalformedTokenException badBase64(String what, Throwable cause) {
    return new MalformedTokenException(
        "failed to decode claims token: the " + what + " segment is not unpadded base64url",
        "Decode error: invalid base64url in the " + what + " segment",
        cause);
  }

  private static void checkHeader(JsonNode header) {
    JsonNode alg = header == null ? null : header.get("alg");
    JsonNode typ = header == null ? null : header.get("typ");
    if (header == null || !header.isObject() || alg == null || typ == null) {
      throw new MalformedTokenException(
          "failed to decode claims token: the header must be a JSON object with typ and alg",
          "Serialization error: missing field in token header");
    }
    if (!alg.isTextual() || !ALGORITHM.equals(alg.textValue())) {
      throw new MalformedTokenException(
          "failed to validate claims token: header alg is " + alg + ", expected \"Ed25519\"",
          "Invalid JWT algorithm. WASCAP only supports Ed25519");
    }
    if (!typ.isTextual() || !TYPE.equals(typ.textValue())) {
      throw new MalformedTokenException(
          "failed to validate claims token: header typ is " + typ + ", expected \"jwt\"",
          "JWT error: Invalid header");
    }
  }
}
