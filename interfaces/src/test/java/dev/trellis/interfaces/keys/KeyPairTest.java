package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPairTest {
  private static final byte[] DATA = "hello wasmcloud".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void generatedKeysSignAndVerify(KeyType type) {
    KeyPair pair = KeyPair.generate(type);
    assertThat(pair.type()).isEqualTo(type);
    assertThat(pair.publicKey()).hasSize(56).startsWith(String.valueOf(type.letter()));
    assertThat(pair.seed().reveal()).hasSize(58).startsWith("S" + type.letter());

    byte[] signature = pair.sign(DATA);
    assertThat(signature).hasSize(64);
    assertThat(pair.verify(DATA, signature)).isTrue();
    assertThat(NKeys.verify(pair.publicKey(), DATA, signature)).isTrue();

    KeyPair again = KeyPair.fromSeed(pair.seed());
    assertThat(again.publicKey()).isEqualTo(pair.publicKey());
    assertThat(again.sign(DATA)).isEqualTo(signature);
  }

  @Test
  void tamperedDataOrSignatureDoesNotVerify() {
    KeyPair pair = KeyPair.generate(KeyType.CLUSTER);
    byte[] signature = pair.sign(DATA);
    byte[] otherData = "hello wasmcloud!".getBytes(StandardCharsets.UTF_8);
    assertThat(NKeys.verify(pair.publicKey(), otherData, signature)).isFalse();
    signature[10] ^= 1;
    assertThat(NKeys.verify(pair.publicKey(), DATA, signature)).isFalse();
    assertThat(NKeys.verify(pair.publicKey(), DATA, new byte[63])).isFalse();
    String stranger = KeyPair.generate(KeyType.CLUSTER).publicKey();
    assertThat(NKeys.verify(stranger, DATA, pair.sign(DATA))).isFalse();
  }

  @Test
  void verifyingWithAnInvalidPublicKeyThrows() {
    assertThatThrownBy(() -> NKeys.verify("CNOTAKEY", DATA, new byte[64]))
        .isInstanceOf(KeyException.class);
  }

  @Test
  void seedsAreRedactedEverywhere() {
    KeyPair pair = KeyPair.generate(KeyType.ACCOUNT);
    String seed = pair.seed().reveal();
    assertThat(pair.seed().toString()).doesNotContain(seed).contains("redacted");
    assertThat(pair.toString()).doesNotContain(seed).contains(pair.publicKey());
    assertThat(pair.seed()).isEqualTo(Seed.parse(seed));
  }

  @Test
  void rawSeedMustBe32Bytes() {
    assertThatThrownBy(() -> KeyPair.fromRawSeed(KeyType.MODULE, new byte[31]))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("32-byte seed");
  }
}
