package dev.trellis.interfaces.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventClaimsTest {
  private static final Instant NOW = Instant.parse("2023-04-10T23:36:15Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final KeyPair account = KeyPair.generate(KeyType.ACCOUNT);

  @Test
  void actorClaimsFromAValidatedToken() {
    Claims<ActorMetadata> claims =
        Claims.builder(
                ActorMetadata.builder()
                    .withName("Echo")
                    .addCap("wasmcloud:httpserver")
                    .withRevision(4)
                    .build())
            .withIssuer(account.publicKey())
            .withSubject(KeyPair.generate(KeyType.MODULE).publicKey())
            .withClock(CLOCK)
            .withExpires(NOW.plusSeconds(3 * 3600))
            .build();

    ActorEventClaims c =
        ActorEventClaims.of(Jwt.validate(Jwt.encode(claims, account), ActorMetadata.class, CLOCK));

    assertThat(c.caps()).containsExactly("wasmcloud:httpserver");
    assertThat(c.tags()).isEmpty();
    assertThat(c.callAlias()).isEmpty();
    assertThat(c.version()).isEmpty();
    assertThat(c.revision()).isEqualTo(4);
    assertThat(c.issuer()).isEqualTo(account.publicKey());
    assertThat(c.expiresHuman()).isEqualTo("in 3h");
    assertThat(c.notBeforeHuman()).isEqualTo("immediately");
  }

  @Test
  void providerClaimsFromAValidatedToken() {
    Claims<ProviderMetadata> claims =
        Claims.builder(
                new ProviderMetadata(
                    null, "wasmcloud:httpserver", "wasmCloud", 17, null, Map.of(), null))
            .withIssuer(account.publicKey())
            .withSubject(KeyPair.generate(KeyType.SERVICE).publicKey())
            .withClock(CLOCK)
            .build();

    ProviderEventClaims c =
        ProviderEventClaims.of(
            Jwt.validate(Jwt.encode(claims, account), ProviderMetadata.class, CLOCK));

    assertThat(c.name()).isEmpty();
    assertThat(c.version()).isEmpty();
    assertThat(c.tags()).isEmpty();
    assertThat(c.expiresHuman()).isEqualTo("never");
  }
}
