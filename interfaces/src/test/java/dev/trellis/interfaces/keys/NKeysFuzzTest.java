package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mutated and random nkey strings: decoders return a value or throw {@link KeyException}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NKeysFuzzTest {
  private static final int RUNS = 12_000;

  @Test
  void publicKeyAndSeedDecodersOnlyThrowKeyException() {
    Mutator mutator = new Mutator(0x5eed_0001L);
    KeyType[] types = KeyType.values();
    KeyPair[] pairs = new KeyPair[types.length * 3];
    for (int p = 0; p < pairs.length; p++) {
      pairs[p] = KeyPair.fromRawSeed(types[p % types.length], seedBytes(p));
    }
    int accepted = 0;
    for (int i = 0; i < RUNS; i++) {
      KeyPair pair = pairs[i % pairs.length];
      String publicInput = mutator.mutate(pair.publicKey());
      String seedInput = mutator.mutate(pair.seed().reveal());
      try {
        DecodedPublicKey decoded = NKeys.decodePublicKey(publicInput);
        assertThat(decoded.encoded()).isEqualTo(publicInput);
        accepted++;
      } catch (KeyException expected) {
        assertThat(expected.getMessage()).startsWith("failed to decode public key");
      } catch (RuntimeException e) {
        fail("decodePublicKey(\"" + publicInput + "\") threw " + e, e);
      }
      try {
        Seed seed = Seed.parse(seedInput);
        assertThat(KeyPair.fromSeed(seed).seed().reveal()).isEqualTo(seedInput);
        accepted++;
      } catch (KeyException expected) {
        assertThat(expected.getMessage()).startsWith("failed to decode seed");
      } catch (RuntimeException e) {
        fail("Seed.parse(<mutated seed #" + i + ">) threw " + e, e);
      }
    }
    // Almost every mutation breaks the CRC; the rare survivor must re-encode identically.
    assertThat(accepted).isLessThan(RUNS / 10);
  }

  private static byte[] seedBytes(int i) {
    byte[] seed = new byte[32];
    for (int b = 0; b < 32; b++) {
      seed[b] = (byte) (i * 31 + b);
    }
    return seed;
  }
}
