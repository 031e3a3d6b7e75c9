package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NKeysTest {
  static Stream<Arguments> a1Keys() {
    JsonNode vector = GoldenVectors.load("a1-keys.json");
    byte[] seedBytes = HexFormat.of().parseHex(vector.get("seed_bytes_hex").asText());
    return StreamSupport.stream(vector.get("keys").spliterator(), false)
        .map(
            k ->
                Arguments.of(
                    KeyType.valueOf(k.get("type").asText().toUpperCase(Locale.ROOT)),
                    k.get("prefix_byte").asInt(),
                    k.get("seed").asText(),
                    k.get("public_key").asText(),
                    seedBytes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void seedDerivesThePublicKeyOfA1(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    assertThat(type.prefixByte()).isEqualTo(prefix);
    KeyPair pair = KeyPair.fromSeed(seed);
    assertThat(pair.type()).isEqualTo(type);
    assertThat(pair.publicKey()).isEqualTo(publicKey).startsWith(String.valueOf(type.letter()));
    assertThat(pair.seed().reveal()).isEqualTo(seed);
    assertThat(KeyPair.fromRawSeed(type, seedBytes).publicKey()).isEqualTo(publicKey);
    assertThat(Seed.parse(seed).type()).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void publicKeyRoundTrips(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    DecodedPublicKey decoded = NKeys.decodePublicKey(publicKey);
    assertThat(decoded.type()).isEqualTo(type);
    assertThat(decoded.key()).hasSize(32);
    assertThat(NKeys.encodePublicKey(type, decoded.key())).isEqualTo(publicKey);
    assertThat(decoded.encoded()).isEqualTo(publicKey);
    assertThat(NKeys.isValidPublicKey(publicKey, type)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void corruptedKeysAreRejected(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    String badCrc = flipMiddleChar(publicKey);
    assertThatThrownBy(() -> NKeys.decodePublicKey(badCrc))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("checksum mismatch");
    assertThatThrownBy(() -> NKeys.decodePublicKey(publicKey.substring(1)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("expected 56 characters, got 55");
    assertThatThrownBy(() -> NKeys.decodePublicKey(publicKey.toLowerCase(Locale.ROOT)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("not canonical base32");
    assertThatThrownBy(() -> KeyPair.fromSeed(flipMiddleChar(seed)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageNotContaining(seed.substring(2, 20));
    assertThatThrownBy(() -> KeyPair.fromSeed(seed + "A"))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("expected 58 characters");
    assertThatThrownBy(() -> Seed.parse(publicKey))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("is it a public key?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void wrongTypeIsRejected(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    KeyType other = type == KeyType.CLUSTER ? KeyType.SERVER : KeyType.CLUSTER;
    assertThatThrownBy(() -> NKeys.decodePublicKey(publicKey, other))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("expected a " + other + " key");
    assertThat(NKeys.isValidPublicKey(publicKey, other)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void unknownPrefixWithValidCrcIsRejected(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    // 'P' (private, 0x78) is a valid nkey prefix elsewhere but not a key type here.
    byte[] raw = new byte[35];
    raw[0] = 0x78;
    System.arraycopy(NKeys.decodePublicKey(publicKey).key(), 0, raw, 1, 32);
    int crc = Crc16.compute(raw, 33);
    raw[33] = (byte) crc;
    raw[34] = (byte) (crc >>> 8);
    assertThatThrownBy(() -> NKeys.decodePublicKey(Base32.encode(raw)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("unknown key type prefix 0x78");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("a1Keys")
  void seedWhereAPublicKeyIsExpectedIsRejectedWithoutEchoingIt(
      KeyType type, int prefix, String seed, String publicKey, byte[] seedBytes) {
    assertThatThrownBy(() -> NKeys.decodePublicKey(seed))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("expected 56 characters, got 58")
        .hasMessageNotContaining(seed.substring(1));
  }

  /** Changes one character in the middle, which keeps the base32 valid but breaks the CRC. */
  private static String flipMiddleChar(String s) {
    int at = s.length() / 2;
    char replacement = s.charAt(at) == 'A' ? 'B' : 'A';
    return s.substring(0, at) + replacement + s.substring(at + 1);
  }
}
