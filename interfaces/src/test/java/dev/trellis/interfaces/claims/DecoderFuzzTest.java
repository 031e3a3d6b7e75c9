package dev.trellis.interfaces.claims;

import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.Mutator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated and random JWTs and wasm modules: every call returns a value or throws a {@link
 * ClaimsException}; nothing else escapes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {
  private static final int RUNS = 12_000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final KeyPair ACCOUNT = KeyPair.fromRawSeed(KeyType.ACCOUNT, new byte[32]);
  private static final KeyPair MODULE = KeyPair.fromRawSeed(KeyType.MODULE, new byte[32]);

  @Test
  void jwtDecodersOnlyThrowClaimsExceptions() {
    Mutator mutator = new Mutator(0x5eed_0002L);
    String actorToken = Jwt.encode(actorClaims(), ACCOUNT);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claimsJson = ClaimsJson.write(actorClaims());
    // Claims are decoded before the signature is checked, so a fixed (wrong) signature still
    // lets mutated claims reach every branch of the reader.
    String badSignature = b64.encodeToString(new byte[64]);
    List<Class<? extends Metadata>> kinds =
        List.of(ActorMetadata.class, ProviderMetadata.class, InvocationMetadata.class);
    for (int i = 0; i < RUNS; i++) {
      String token;
      if (i % 2 == 0) {
        token = mutator.mutate(actorToken);
      } else {
        byte[] json = mutator.mutate(claimsJson.getBytes(StandardCharsets.UTF_8));
        token = Jwt.HEADER_SEGMENT + "." + b64.encodeToString(json) + "." + badSignature;
      }
      check(token, kinds.get(i % kinds.size()));
    }
  }

  private static <T extends Metadata> void check(String token, Class<T> kind) {
    try {
      Jwt.decode(token, kind);
      Jwt.requireValid(Jwt.validate(token, kind, CLOCK));
    } catch (ClaimsException expected) {
      // the documented outcome for a bad token
    } catch (RuntimeException e) {
      fail("token " + token + " as " + kind.getSimpleName() + " threw " + e, e);
    }
  }

  @Test
  void wasmReaderOnlyThrowsClaimsExceptions() {
    Mutator mutator = new Mutator(0x5eed_0003L);
    byte[] unsigned = TestModules.tiny("a note that takes some room in the module");
    byte[] signed =
        ModuleSigner.builder()
            .withAccount(ACCOUNT)
            .withModule(MODULE)
            .withMetadata(ActorMetadata.builder().withName("fuzz").addCap("c").build())
            .withClock(CLOCK)
            .build()
            .sign(unsigned);
    byte[] legacy = TestModules.withLeadingCustom(unsigned, "jwt", "a.b.c");
    byte[][] seeds = {unsigned, signed, legacy};
    for (int i = 0; i < RUNS; i++) {
      byte[] input = mutator.mutate(seeds[i % seeds.length]);
      try {
        ModuleClaims.extractJwt(input);
        ModuleClaims.computeHash(input);
        ModuleClaims.verify(input, CLOCK);
      } catch (ClaimsException expected) {
        // the documented outcome for a bad module
      } catch (RuntimeException e) {
        fail("module " + Mutator.describe(input) + " threw " + e, e);
      }
    }
  }

  private static Claims<ActorMetadata> actorClaims() {
    return Claims.builder(
            ActorMetadata.builder()
                .withName("fuzz")
                .withHash("00")
                .addCap("wasmcloud:httpserver")
                .addTag("t")
                .withRevision(1)
                .build())
        .withIssuer(ACCOUNT.publicKey())
        .withSubject(MODULE.publicKey())
        .withJti("0123456789abcdefghijkl")
        .withIssuedAt(1_700_000_000L)
        .withExpires(Instant.ofEpochSecond(1_800_000_000L))
        .build();
  }
}
