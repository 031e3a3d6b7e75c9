package dev.trellis.interfaces.antiforgery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvocationValidatorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final KeyPair CLUSTER = KeyPair.generate(KeyType.CLUSTER);
  private static final String HOST_ID = KeyPair.generate(KeyType.SERVER).publicKey();
  private static final String ACTOR = KeyPair.generate(KeyType.MODULE).publicKey();
  private static final String PROVIDER = KeyPair.generate(KeyType.SERVICE).publicKey();
  private static final WasmCloudEntity ACTOR_ENTITY = WasmCloudEntity.actor(ACTOR);
  private static final WasmCloudEntity PROVIDER_ENTITY =
      WasmCloudEntity.provider(PROVIDER, "wasmcloud:httpserver", "default");
  private static final byte[] MSG = "hello".getBytes(StandardCharsets.UTF_8);
  private static final String OP = "HttpServer.HandleRequest";
  private static final String AF = "Anti-forgery check failed: ";

  private final InvocationSigner signer = new InvocationSigner(CLUSTER, CLOCK);
  private final HostInvocationValidator host =
      new HostInvocationValidator(List.of(CLUSTER.publicKey()), CLOCK);
  private final ProviderInvocationValidator provider =
      new ProviderInvocationValidator(List.of(CLUSTER.publicKey()), PROVIDER, HOST_ID, CLOCK);

  private Invocation toActor() {
    return signer.sign(PROVIDER_ENTITY, ACTOR_ENTITY, OP, MSG, HOST_ID);
  }

  private Invocation toProvider() {
    return signer.sign(ACTOR_ENTITY, PROVIDER_ENTITY, OP, MSG, HOST_ID);
  }

  @Test
  void signedInvocationsAreComplete() {
    Invocation inv = toActor();
    assertThat(inv.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(inv.contentLength()).isEqualTo(MSG.length);
    assertThat(inv.hostId()).isEqualTo(HOST_ID);
    assertThat(inv.encodedClaims()).startsWith("eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0.");
    InvocationVerdict verdict = host.validate(inv);
    assertThat(verdict.isAccepted()).isTrue();
    assertThat(verdict.error()).isEmpty();
    var claims = ((InvocationVerdict.Accepted) verdict).claims();
    assertThat(claims.subject()).isEqualTo(inv.id());
    assertThat(claims.issuer()).isEqualTo(CLUSTER.publicKey());
    assertThat(claims.expires()).isNull();
    assertThat(claims.issuedAt()).isEqualTo(1_700_000_000L);
    assertThat(provider.validate(toProvider(), ACTOR::equals).isAccepted()).isTrue();
  }

  @Test
  void badSignatureIsRefused() {
    KeyPair mallory = KeyPair.generate(KeyType.CLUSTER);
    Invocation good = toActor();
    String[] parts = good.encodedClaims().split("\\.");
    String forgedSig =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mallory.sign((parts[0] + "." + parts[1]).getBytes()));
    Invocation forged = withClaims(good, parts[0] + "." + parts[1] + "." + forgedSig);
    assertRejected(host.validate(forged), AF + "Invocation claims signature invalid");
    assertRejected(
        provider.validate(withTarget(forged, PROVIDER_ENTITY)),
        "Invocation claims signature invalid");
  }

  @Test
  void wrongIssuerIsRefused() {
    InvocationSigner stranger = new InvocationSigner(KeyPair.generate(KeyType.CLUSTER), CLOCK);
    assertRejected(
        host.validate(stranger.sign(PROVIDER_ENTITY, ACTOR_ENTITY, OP, MSG, HOST_ID)),
        AF + "Issuer of this invocation is not among the list of valid issuers");
    assertRejected(
        provider.validate(stranger.sign(ACTOR_ENTITY, PROVIDER_ENTITY, OP, MSG, HOST_ID)),
        "Issuer of this invocation is not in list of cluster issuers");
  }

  @Test
  void alteredPayloadIsRefused() {
    Invocation good = toActor();
    Invocation altered = good.withMsg("jello".getBytes(StandardCharsets.UTF_8));
    String claimed = ((InvocationVerdict.Accepted) host.validate(good)).claims().metadata().hash();
    String computed = InvocationHash.of(PROVIDER_ENTITY, ACTOR_ENTITY, OP, altered.msg());
    assertRejected(
        host.validate(altered),
        AF
            + "Invocation hash does not match signed claims hash ("
            + claimed
            + " / "
            + computed
            + ")");
  }

  @Test
  void alteredTargetIsRefused() {
    // Another actor as target: the hash covers the target URL, so the hash check fires first.
    Invocation retargeted =
        withTarget(toActor(), WasmCloudEntity.actor(KeyPair.generate(KeyType.MODULE).publicKey()));
    assertThat(host.validate(retargeted).error().orElseThrow())
        .startsWith(AF + "Invocation hash does not match signed claims hash (");

    // With an empty (chunked) payload the host skips the hash; the URL check catches it.
    Invocation chunked = withMsg(retargeted, new byte[0]);
    assertRejected(
        host.validate(chunked), AF + "Invocation claims and invocation target URL do not match");
  }

  @Test
  void alteredOriginIsRefusedWhenThePayloadIsChunked() {
    Invocation good = toActor();
    Invocation chunked =
        new Invocation(
            new WasmCloudEntity(PROVIDER, "wasmcloud:keyvalue", "default"),
            ACTOR_ENTITY,
            OP,
            new byte[0],
            good.id(),
            good.encodedClaims(),
            HOST_ID,
            (long) MSG.length,
            Map.of());
    assertRejected(
        host.validate(chunked), AF + "Invocation claims and invocation origin URL do not match");
  }

  @Test
  void tokenProblemsComeFirstWithWasmCloudTexts() {
    Invocation good = toActor();
    assertRejected(
        host.validate(withClaims(good, "not-a-jwt")),
        AF + "JWT error: invalid token format, expected 3 segments, found 1");
    assertRejected(
        provider.validate(withClaims(toProvider(), "a.b")),
        "JWT error: invalid token format, expected 3 segments, found 2");

    InvocationMetadata metadata =
        new InvocationMetadata(
            EntityUrls.target(ACTOR_ENTITY, OP),
            EntityUrls.of(PROVIDER_ENTITY),
            InvocationHash.of(PROVIDER_ENTITY, ACTOR_ENTITY, OP, MSG));
    String expired =
        Jwt.encode(claims(metadata).withExpires(CLOCK.instant().minusSeconds(1)).build(), CLUSTER);
    assertRejected(
        host.validate(withClaims(good, expired)), AF + "Invocation claims token expired");
    String expiredAndForged = expired.substring(0, expired.lastIndexOf('.') + 1) + "AAAA";
    assertRejected(
        host.validate(withClaims(good, expiredAndForged)), AF + "Invocation claims token expired");

    String early =
        Jwt.encode(
            claims(metadata).withNotBefore(CLOCK.instant().plusSeconds(60)).build(), CLUSTER);
    assertRejected(
        host.validate(withClaims(good, early)),
        AF + "Attempt to use invocation before claims token allows");

    String bare = Jwt.encode(claims(null).build(), CLUSTER);
    assertRejected(
        host.validate(withClaims(good, bare)), AF + "No wascap metadata found on claims");
    assertRejected(provider.validate(withClaims(good, bare)), "No wascap metadata found on claims");

    Clock nextYear = Clock.offset(CLOCK, Duration.ofDays(365));
    assertThat(
            new HostInvocationValidator(Set.of(CLUSTER.publicKey()), nextYear)
                .validate(good)
                .isAccepted())
        .as("invocation tokens carry no exp")
        .isTrue();
  }

  private static Claims.Builder<InvocationMetadata> claims(InvocationMetadata metadata) {
    return Claims.builder(metadata)
        .withIssuer(CLUSTER.publicKey())
        .withSubject("inv-1")
        .withClock(CLOCK);
  }

  @Test
  void hostIdSanityIsWeak() {
    assertRejected(
        host.validate(withHostId(toActor(), "bogus")),
        AF + "Invalid host ID on invocation: 'bogus'");
    assertThat(host.validate(withHostId(toActor(), "Nanything")).isAccepted()).isTrue();
    assertThat(host.validate(withHostId(toActor(), CLUSTER.publicKey())).isAccepted())
        .as("OTP puts the cluster key here")
        .isTrue();
  }

  @Test
  void providerChecksTargetKeyAndLink() {
    WasmCloudEntity otherProvider =
        WasmCloudEntity.provider(
            KeyPair.generate(KeyType.SERVICE).publicKey(), "wasmcloud:httpserver", "default");
    Invocation misdirected = signer.sign(ACTOR_ENTITY, otherProvider, OP, MSG, HOST_ID);
    assertRejected(
        provider.validate(misdirected),
        "target key mismatch: " + otherProvider.publicKey() + " != " + HOST_ID);
    assertRejected(
        provider.validate(toProvider(), actor -> false), "unlinked actor: '" + ACTOR + "'");
  }

  @Test
  void providerAlwaysChecksTheHashAndNamesUrls() {
    Invocation emptied = withMsg(toProvider(), new byte[0]);
    assertThat(provider.validate(emptied).error().orElseThrow())
        .startsWith("Invocation hash does not match signed claims hash (");

    Invocation good = toProvider();
    Invocation otherOp =
        new Invocation(
            good.origin(),
            good.target(),
            "HttpServer.Other",
            good.msg(),
            good.id(),
            signer.encodeClaims(good.id(), ACTOR_ENTITY, PROVIDER_ENTITY, "HttpServer.Other", MSG),
            HOST_ID,
            5L,
            Map.of());
    assertThat(provider.validate(otherOp).isAccepted()).isTrue();

    Invocation wrongOp =
        new Invocation(
            good.origin(),
            good.target(),
            "HttpServer.Other",
            new byte[0],
            good.id(),
            signer.encodeClaims(good.id(), ACTOR_ENTITY, PROVIDER_ENTITY, OP, new byte[0]),
            HOST_ID,
            0L,
            Map.of());
    String hash = InvocationHash.of(ACTOR_ENTITY, PROVIDER_ENTITY, "HttpServer.Other", new byte[0]);
    assertThat(provider.validate(wrongOp).error().orElseThrow())
        .startsWith("Invocation hash does not match signed claims hash (")
        .endsWith(" / " + hash + ")");
  }

  @Test
  void providerNamesBothTargetUrlsWhenTheyDiffer() {
    // Sign claims whose hash matches but whose target URL names another link: only the URL
    // check can catch it.
    Invocation good = toProvider();
    WasmCloudEntity otherLink = WasmCloudEntity.provider(PROVIDER, "wasmcloud:httpserver", "b");
    String claimedTarget = EntityUrls.target(otherLink, OP);
    String originUrl = EntityUrls.of(ACTOR_ENTITY);
    String actualTarget = EntityUrls.target(PROVIDER_ENTITY, OP);
    InvocationMetadata metadata =
        new InvocationMetadata(
            claimedTarget, originUrl, InvocationHash.compute(originUrl, actualTarget, OP, MSG));
    Invocation inv = withClaims(good, Jwt.encode(claims(metadata).build(), CLUSTER));
    assertRejected(
        provider.validate(inv),
        "Invocation claims and invocation target URL do not match: "
            + claimedTarget
            + " != "
            + actualTarget);
    assertRejected(
        host.validate(inv), AF + "Invocation claims and invocation target URL do not match");
  }

  private static void assertRejected(InvocationVerdict verdict, String text) {
    assertThat(verdict).isInstanceOf(InvocationVerdict.Rejected.class);
    assertThat(verdict.error()).contains(text);
  }

  private static Invocation withClaims(Invocation inv, String claims) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        inv.msg(),
        inv.id(),
        claims,
        inv.hostId(),
        inv.contentLength(),
        Map.of());
  }

  private static Invocation withTarget(Invocation inv, WasmCloudEntity target) {
    return new Invocation(
        inv.origin(),
        target,
        inv.operation(),
        inv.msg(),
        inv.id(),
        inv.encodedClaims(),
        inv.hostId(),
        inv.contentLength(),
        Map.of());
  }

  private static Invocation withMsg(Invocation inv, byte[] msg) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        msg,
        inv.id(),
        inv.encodedClaims(),
        inv.hostId(),
        inv.contentLength(),
        Map.of());
  }

  private static Invocation withHostId(Invocation inv, String hostId) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        inv.msg(),
        inv.id(),
        inv.encodedClaims(),
        hostId,
        inv.contentLength(),
        Map.of());
  }
}
