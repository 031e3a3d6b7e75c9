package dev.trellis.interfaces.antiforgery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.Mutator;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Validators never throw: any mutated token or payload yields a verdict. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InvocationValidatorFuzzTest {
  private static final int RUNS = 10_000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @Test
  void mutatedInvocationsAlwaysGetAVerdict() {
    Mutator mutator = new Mutator(0x5eed_0005L);
    KeyPair cluster = KeyPair.fromRawSeed(KeyType.CLUSTER, new byte[32]);
    String actor = KeyPair.fromRawSeed(KeyType.MODULE, new byte[32]).publicKey();
    String provider = KeyPair.fromRawSeed(KeyType.SERVICE, new byte[32]).publicKey();
    WasmCloudEntity origin = WasmCloudEntity.provider(provider, "wasmcloud:httpserver", "default");
    Invocation good =
        new InvocationSigner(cluster, CLOCK)
            .sign(
                origin,
                WasmCloudEntity.actor(actor),
                "HttpServer.HandleRequest",
                "payload".getBytes(StandardCharsets.UTF_8),
                "N-host");
    HostInvocationValidator host = new HostInvocationValidator(List.of(cluster.publicKey()), CLOCK);
    ProviderInvocationValidator prov =
        new ProviderInvocationValidator(List.of(cluster.publicKey()), actor, "N-host", CLOCK);
    int accepted = 0;
    for (int i = 0; i < RUNS; i++) {
      String claims = mutator.mutate(good.encodedClaims());
      byte[] msg = i % 3 == 0 ? mutator.mutate(good.msg()) : good.msg();
      Invocation inv =
          new Invocation(
              origin,
              good.target(),
              good.operation(),
              msg,
              good.id(),
              claims,
              "N-host",
              (long) msg.length,
              Map.of());
      try {
        InvocationVerdict h = host.validate(inv);
        InvocationVerdict p = prov.validate(inv);
        assertThat(h.isAccepted()).isEqualTo(h.error().isEmpty());
        assertThat(p.error().isPresent()).isNotEqualTo(p.isAccepted());
        accepted += h.isAccepted() ? 1 : 0;
      } catch (RuntimeException e) {
        fail("encoded_claims " + claims + " threw " + e, e);
      }
    }
    assertThat(accepted).isLessThan(RUNS / 10);
  }
}
