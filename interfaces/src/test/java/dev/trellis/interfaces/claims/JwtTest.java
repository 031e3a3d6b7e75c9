package dev.trellis.interfaces.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.interfaces.keys.GoldenVectors;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private static final KeyPair ACCOUNT = KeyPair.generate(KeyType.ACCOUNT);

  @Test
  void a4ClaimsAreSignedByteForByte() throws Exception {
    JsonNode vector = GoldenVectors.load("a4-invocation-jwt.json");
    KeyPair cluster = KeyPair.fromSeed(vector.get("seed").asText());
    JsonNode wascap = new ObjectMapper().readTree(vector.get("claims_json").asText()).get("wascap");
    Claims<InvocationMetadata> claims =
        Claims.builder(
                new InvocationMetadata(
                    wascap.get("target_url").asText(),
                    wascap.get("origin_url").asText(),
                    wascap.get("hash").asText()))
            .withIssuer(cluster.publicKey())
            .withSubject(vector.get("invocation_id").asText())
            .withJti(vector.get("jti").asText())
            .withIssuedAt(vector.get("iat").asLong())
            .build();

    assertThat(ClaimsJson.write(claims)).isEqualTo(vector.get("claims_json").asText());
    String token = Jwt.encode(claims, cluster);
    assertThat(token.split("\\.")[0]).isEqualTo(vector.get("header_segment").asText());
    assertThat(token.split("\\.")[2]).isEqualTo(vector.get("signature_segment").asText());
    assertThat(token).isEqualTo(vector.get("token").asText());

    assertThat(Jwt.decode(token, InvocationMetadata.class)).isEqualTo(claims);
    TokenValidation<InvocationMetadata> validation =
        Jwt.validate(token, InvocationMetadata.class, CLOCK);
    assertThat(validation.isValid()).isTrue();
    assertThat(validation.expiresHuman()).isEqualTo("never");
    assertThat(validation.notBeforeHuman()).isEqualTo("immediately");
    assertThat(Jwt.verify(token, InvocationMetadata.class, CLOCK)).isEqualTo(claims);
  }

  @Test
  void echoActorClaimsReserializeInSerdeOrder() {
    // The claims of the OTP fixture echo.wasm (spec 8.5), without wascap_revision.
    String json =
        "{\"jti\":\"SjB5fm974Sju9WMgTUchsb\",\"iat\":1644843743,"
            + "\"iss\":\"ACOJJN6WUP4ODD75XEBKKTCCUJJCY5ZKQ56XVKYK4BEJWGVAOOQHZMCW\","
            + "\"sub\":\"MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5\","
            + "\"wascap\":{\"name\":\"Echo\","
            + "\"hash\":\"4CEC673A7DCCEA6A4165BB195832C7936471CF7AB4501F837F8D679F4400BC97\","
            + "\"tags\":[],\"caps\":[\"wasmcloud:httpserver\"],\"rev\":4,\"ver\":\"0.3.4\","
            + "\"prov\":false}}";
    String token = TestTokens.b64("{}") + "." + TestTokens.b64(json) + ".AA";
    Claims<ActorMetadata> claims = Jwt.decode(token, ActorMetadata.class);
    assertThat(claims.wascapRevision()).isNull();
    assertThat(claims.metadata().tags()).isEmpty();
    assertThat(claims.metadata().caps()).containsExactly("wasmcloud:httpserver");
    assertThat(claims.metadata().hasCapability("wasmcloud:httpserver")).isTrue();
    assertThat(claims.metadata().callAlias()).isNull();
    assertThat(ClaimsJson.write(claims)).isEqualTo(json);
  }

  @Test
  void everyOptionalFieldRoundTrips() {
    ActorMetadata actor =
        ActorMetadata.builder()
            .withName("Ponger \"quoted\"\n")
            .withHash("AB")
            .addTag("t")
            .addCap("wasmcloud:keyvalue")
            .withRevision(-7)
            .withVersion("1.0")
            .withCallAlias("wasmcloud/ponger")
            .withProvider(true)
            .build();
    Claims<ActorMetadata> claims =
        Claims.builder(actor)
            .withIssuer(ACCOUNT.publicKey())
            .withSubject("MSUBJECT")
            .withExpires(Instant.ofEpochSecond(NOW + 60))
            .withNotBefore(Instant.ofEpochSecond(NOW - 60))
            .withClock(CLOCK)
            .build();
    String json = ClaimsJson.write(claims);
    assertThat(json)
        .startsWith("{\"exp\":1700000060,\"jti\":\"")
        .contains(
            ",\"iat\":1700000000,\"iss\":\""
                + ACCOUNT.publicKey()
                + "\",\"sub\":\"MSUBJECT\",\"nbf\":1699999940,\"wascap\":{\"name\":"
                + "\"Ponger \\\"quoted\\\"\\n\",\"hash\":\"AB\",\"tags\":[\"t\"],"
                + "\"caps\":[\"wasmcloud:keyvalue\"],\"rev\":-7,\"ver\":\"1.0\","
                + "\"call_alias\":\"wasmcloud/ponger\",\"prov\":true},\"wascap_revision\":3}");
    assertThat(claims.jti()).hasSize(Nuid.LENGTH).matches("[0-9A-Za-z]+");
    String token = Jwt.encode(claims, ACCOUNT);
    assertThat(Jwt.verify(token, ActorMetadata.class, CLOCK)).isEqualTo(claims);

    ProviderMetadata provider =
        new ProviderMetadata(
            null,
            "wasmcloud:keyvalue",
            "Redis",
            2,
            null,
            java.util.Map.of("x86_64-linux", "AA", "aarch64-linux", "BB"),
            "{ \"type\" : \"object\", \"n\": [1, 2.5, true, null] }");
    Claims<ProviderMetadata> pc =
        Claims.builder(provider).withIssuer(ACCOUNT.publicKey()).withSubject("V").build();
    assertThat(ClaimsJson.write(pc))
        .contains(
            "\"wascap\":{\"name\":null,\"capid\":\"wasmcloud:keyvalue\",\"vendor\":\"Redis\","
                + "\"rev\":2,\"target_hashes\":{\"aarch64-linux\":\"BB\",\"x86_64-linux\":\"AA\"},"
                + "\"config_schema\":{\"type\":\"object\",\"n\":[1,2.5,true,null]}}");
    assertThat(Jwt.decode(Jwt.encode(pc, ACCOUNT), ProviderMetadata.class)).isEqualTo(pc);
  }

  @Test
  void controlCharactersAreEscapedLikeSerde() {
    StringBuilder out = new StringBuilder();
    ClaimsJson.string(out, "a\u0001b\u001fc\u007fé/");
    assertThat(out).hasToString("\"a\\u0001b\\u001fc\u007fé/\"");
  }

  @Test
  void wrongSegmentCountIsMalformed() {
    assertMalformed("abc.def", "JWT error: invalid token format, expected 3 segments, found 2");
    assertMalformed("a.b.c.d", "JWT error: invalid token format, expected 3 segments, found 4");
    assertMalformed("", "JWT error: invalid token format, expected 3 segments, found 1");
  }

  @Test
  void headerMustBeEd25519Jwt() {
    String claims = validClaimsJson(ACCOUNT, "");
    assertMalformed(
        TestTokens.sign("{\"typ\":\"jwt\",\"alg\":\"ed25519-nkey\"}", claims, ACCOUNT),
        "Invalid JWT algorithm. WASCAP only supports Ed25519");
    assertMalformed(
        TestTokens.sign("{\"typ\":\"JWT\",\"alg\":\"Ed25519\"}", claims, ACCOUNT),
        "JWT error: Invalid header");
  }

  @Test
  void issuerAndSubjectAreRequired() {
    String emptyIss = "{\"jti\":\"j\",\"iat\":1,\"iss\":\"\",\"sub\":\"s\"}";
    assertMalformed(
        TestTokens.sign(emptyIss, ACCOUNT),
        "Invalid JWT. WASCAP requires an issuer claim to be present");
    String emptySub =
        "{\"jti\":\"j\",\"iat\":1,\"iss\":\"" + ACCOUNT.publicKey() + "\",\"sub\":\"\"}";
    assertMalformed(
        TestTokens.sign(emptySub, ACCOUNT),
        "Invalid JWT. WASCAP requires a sub claim to be present");
    String badIss = "{\"jti\":\"j\",\"iat\":1,\"iss\":\"ANOTAKEY\",\"sub\":\"s\"}";
    assertThatThrownBy(
            () -> Jwt.validate(TestTokens.sign(badIss, ACCOUNT), ActorMetadata.class, CLOCK))
        .isInstanceOf(MalformedTokenException.class);
    String missingJti = "{\"iat\":1,\"iss\":\"" + ACCOUNT.publicKey() + "\",\"sub\":\"s\"}";
    assertMalformed(
        TestTokens.sign(missingJti, ACCOUNT), "Serialization error: missing field `jti` in claims");
  }

  @Test
  void nonCanonicalJsonAndBase64AreMalformed() {
    String dup =
        "{\"jti\":\"j\",\"jti\":\"k\",\"iat\":1,\"iss\":\""
            + ACCOUNT.publicKey()
            + "\",\"sub\":\"s\"}";
    assertThatThrownBy(
            () -> Jwt.validate(TestTokens.sign(dup, ACCOUNT), ActorMetadata.class, CLOCK))
        .isInstanceOf(MalformedTokenException.class)
        .hasMessageContaining("invalid JSON");
    String trailing = validClaimsJson(ACCOUNT, "") + " {}";
    assertThatThrownBy(
            () -> Jwt.validate(TestTokens.sign(trailing, ACCOUNT), ActorMetadata.class, CLOCK))
        .isInstanceOf(MalformedTokenException.class);
    String token = TestTokens.sign(validClaimsJson(ACCOUNT, ""), ACCOUNT);
    assertThatThrownBy(() -> Jwt.validate(token + "=", ActorMetadata.class, CLOCK))
        .isInstanceOf(MalformedTokenException.class)
        .hasMessageContaining("signature segment is not unpadded base64url");
    String negativeIat =
        "{\"jti\":\"j\",\"iat\":-1,\"iss\":\"" + ACCOUNT.publicKey() + "\",\"sub\":\"s\"}";
    assertThatThrownBy(() -> Jwt.decode(TestTokens.sign(negativeIat, ACCOUNT), ActorMetadata.class))
        .isInstanceOf(MalformedTokenException.class)
        .hasMessageContaining("`iat`");
  }

  @Test
  void tamperedClaimsFailTheSignature() {
    String token = TestTokens.sign(validClaimsJson(ACCOUNT, ""), ACCOUNT);
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + TestTokens.b64(validClaimsJson(ACCOUNT, "").replace("\"s\"", "\"t\""))
            + "."
            + parts[2];
    TokenValidation<ActorMetadata> validation = Jwt.validate(forged, ActorMetadata.class, CLOCK);
    assertThat(validation.signatureValid()).isFalse();
    assertThatThrownBy(() -> Jwt.verify(forged, ActorMetadata.class, CLOCK))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("signature does not verify against issuer " + ACCOUNT.publicKey());
    KeyPair other = KeyPair.generate(KeyType.ACCOUNT);
    String wrongSigner = TestTokens.sign(validClaimsJson(ACCOUNT, ""), other);
    assertThatThrownBy(() -> Jwt.verify(wrongSigner, ActorMetadata.class, CLOCK))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void expiryAndNotBeforeFollowTheClock() {
    String expired =
        TestTokens.sign(validClaimsJson(ACCOUNT, ",\"exp\":" + (NOW - 30000)), ACCOUNT);
    TokenValidation<ActorMetadata> v = Jwt.validate(expired, ActorMetadata.class, CLOCK);
    assertThat(v.expired()).isTrue();
    assertThat(v.expiresHuman()).isEqualTo("8h ago");
    assertThatThrownBy(() -> Jwt.verify(expired, ActorMetadata.class, CLOCK))
        .isInstanceOf(TokenExpiredException.class)
        .hasMessageContaining("expired 8h ago")
        .extracting(e -> ((ClaimsException) e).wascapText())
        .isEqualTo("Module token has expired");

    String early = TestTokens.sign(validClaimsJson(ACCOUNT, ",\"nbf\":" + (NOW + 1000)), ACCOUNT);
    v = Jwt.validate(early, ActorMetadata.class, CLOCK);
    assertThat(v.cannotUseYet()).isTrue();
    assertThat(v.notBeforeHuman()).isEqualTo("in 16m");
    assertThatThrownBy(() -> Jwt.verify(early, ActorMetadata.class, CLOCK))
        .isInstanceOf(TokenNotYetValidException.class);

    Clock later = Clock.offset(CLOCK, java.time.Duration.ofSeconds(1000));
    assertThat(Jwt.verify(early, ActorMetadata.class, later).subject()).isEqualTo("s");
    String atTheSecond = TestTokens.sign(validClaimsJson(ACCOUNT, ",\"exp\":" + NOW), ACCOUNT);
    assertThat(Jwt.validate(atTheSecond, ActorMetadata.class, CLOCK).expired()).isFalse();
  }

  @Test
  void missingWascapIsReported() {
    String json = "{\"jti\":\"j\",\"iat\":1,\"iss\":\"" + ACCOUNT.publicKey() + "\",\"sub\":\"s\"}";
    String token = TestTokens.sign(json, ACCOUNT);
    assertThat(Jwt.validate(token, ActorMetadata.class, CLOCK).isValid()).isTrue();
    assertThatThrownBy(() -> Jwt.verify(token, ActorMetadata.class, CLOCK))
        .isInstanceOf(MissingMetadataException.class)
        .extracting(e -> ((ClaimsException) e).wascapText())
        .isEqualTo("No wascap metadata found on claims");
  }

  @Test
  void humanTimesMatchHumantime() {
    assertThat(HumanTime.format(0)).isEqualTo("0s");
    assertThat(HumanTime.format(59)).isEqualTo("59s");
    assertThat(HumanTime.format(3_661)).isEqualTo("1h 1m 1s");
    assertThat(HumanTime.format(86_400 * 2)).isEqualTo("2days");
    assertThat(HumanTime.format(31_557_600L + 86_400)).isEqualTo("1year 1day");
    assertThat(HumanTime.relative(NOW + 90_000, NOW)).isEqualTo("in 1day");
  }

  private static String validClaimsJson(KeyPair issuer, String extra) {
    return "{\"jti\":\"j\",\"iat\":1,\"iss\":\""
        + issuer.publicKey()
        + "\",\"sub\":\"s\",\"wascap\":{\"hash\":\"H\"}"
        + extra
        + "}";
  }

  private static void assertMalformed(String token, String wascapText) {
    assertThatThrownBy(() -> Jwt.validate(token, ActorMetadata.class, CLOCK))
        .isInstanceOf(MalformedTokenException.class)
        .extracting(e -> ((ClaimsException) e).wascapText())
        .isEqualTo(wascapText);
  }
}
