package dev.trellis.interfaces.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Ed25519 behaviour Trellis relies on, checked against both engines. */
class Ed25519EngineTest {
  private static final byte[] DATA = "hello wasmcloud".getBytes(StandardCharsets.UTF_8);
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  static Stream<Arguments> rfc8032() {
    return Stream.of(Engines.values())
        .flatMap(e -> Rfc8032Vectors.ALL.stream().map(v -> Arguments.of(e, v)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rfc8032")
  void signsAndVerifiesTheRfc8032Vectors(Engines engines, Rfc8032Vectors.Vector vector) {
    Ed25519Engine engine = engines.get();
    SigningKey key = engine.signingKey(vector.seed());
    assertThat(key.publicKey()).isEqualTo(vector.publicKey());
    assertThat(key.sign(vector.message())).isEqualTo(vector.signature());
    assertThat(engine.verify(vector.publicKey(), vector.message(), vector.signature())).isTrue();
    byte[] tampered = vector.signature().clone();
    tampered[40] ^= 0x10;
    assertThat(engine.verify(vector.publicKey(), vector.message(), tampered)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void derivesTheA1PublicKeysAndSignsA4ByteForByte(Engines engines) {
    Ed25519Engine engine = engines.get();
    JsonNode a1 = GoldenVectors.load("a1-keys.json");
    byte[] seed = HexFormat.of().parseHex(a1.get("seed_bytes_hex").asText());
    for (JsonNode key : a1.get("keys")) {
      byte[] expected = NKeys.decodePublicKey(key.get("public_key").asText()).key();
      assertThat(engine.signingKey(seed).publicKey()).isEqualTo(expected);
    }

    JsonNode a4 = GoldenVectors.load("a4-invocation-jwt.json");
    String token = a4.get("token").asText();
    byte[] signingInput =
        token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(a4.get("signature_segment").asText());
    SigningKey cluster = engine.signingKey(NKeys.decodeSeed(a4.get("seed").asText()).seed());
    assertThat(cluster.sign(signingInput)).isEqualTo(signature);
    assertThat(engine.verify(cluster.publicKey(), signingInput, signature)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void randomKeysAndMessagesRoundTripAndMatchTheOtherEngine(Engines engines) {
    Ed25519Engine engine = engines.get();
    Ed25519Engine other = engines.other();
    SplittableRandom random = new SplittableRandom(8032);
    for (int i = 0; i < 200; i++) {
      byte[] seed = bytes(random, 32);
      byte[] message = bytes(random, random.nextInt(i < 100 ? 64 : 4096));
      SigningKey key = engine.signingKey(seed);
      SigningKey otherKey = other.signingKey(seed);
      byte[] signature = key.sign(message);

      assertThat(key.publicKey()).isEqualTo(otherKey.publicKey());
      assertThat(signature).hasSize(64).isEqualTo(otherKey.sign(message));
      assertThat(engine.verify(key.publicKey(), message, signature)).isTrue();
      assertThat(other.verify(key.publicKey(), message, signature)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void tamperedMessageSignatureOrKeyDoesNotVerify(Engines engines) {
    Ed25519Engine engine = engines.get();
    SigningKey key = engine.signingKey(bytes(new SplittableRandom(1), 32));
    byte[] signature = key.sign(DATA);
    byte[] publicKey = key.publicKey();
    for (int i = 0; i < DATA.length * 8; i++) {
      byte[] data = DATA.clone();
      data[i / 8] ^= (byte) (1 << (i % 8));
      assertThat(engine.verify(publicKey, data, signature)).as("data bit %d", i).isFalse();
    }
    for (int i = 0; i < 64 * 8; i++) {
      byte[] tampered = signature.clone();
      tampered[i / 8] ^= (byte) (1 << (i % 8));
      assertThat(engine.verify(publicKey, DATA, tampered)).as("signature bit %d", i).isFalse();
    }
    assertThat(engine.verify(publicKey, Arrays.copyOf(DATA, DATA.length + 1), signature)).isFalse();
    assertThat(engine.verify(publicKey, new byte[0], signature)).isFalse();
    byte[] stranger = engine.signingKey(bytes(new SplittableRandom(2), 32)).publicKey();
    assertThat(engine.verify(stranger, DATA, signature)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void malformedInputsAreInvalidNotErrors(Engines engines) {
    Ed25519Engine engine = engines.get();
    SigningKey key = engine.signingKey(new byte[32]);
    byte[] publicKey = key.publicKey();
    byte[] signature = key.sign(DATA);

    assertThat(engine.verify(null, DATA, signature)).isFalse();
    assertThat(engine.verify(publicKey, null, signature)).isFalse();
    assertThat(engine.verify(publicKey, DATA, null)).isFalse();
    assertThat(engine.verify(Arrays.copyOf(publicKey, 31), DATA, signature)).isFalse();
    assertThat(engine.verify(Arrays.copyOf(publicKey, 33), DATA, signature)).isFalse();
    assertThat(engine.verify(new byte[0], DATA, signature)).isFalse();
    assertThat(engine.verify(publicKey, DATA, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(engine.verify(publicKey, DATA, Arrays.copyOf(signature, 65))).isFalse();
    assertThat(engine.verify(publicKey, DATA, new byte[0])).isFalse();
    assertThat(engine.verify(publicKey, DATA, new byte[64])).isFalse();
    assertThat(engine.verify(new byte[32], DATA, signature)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aKeyThatIsNotACurvePointIsInvalid(Engines engines) {
    // y = 2: x² = (y² − 1) / (d·y² + 1) has no square root mod p, so no point has this encoding.
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    BigInteger d =
        BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    BigInteger y2 = BigInteger.valueOf(4);
    BigInteger x2 =
        y2.subtract(BigInteger.ONE)
            .multiply(d.multiply(y2).add(BigInteger.ONE).modInverse(P))
            .mod(P);
    assertThat(x2.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P))
        .isEqualTo(P.subtract(BigInteger.ONE));

    Ed25519Engine engine = engines.get();
    byte[] signature = engine.signingKey(new byte[32]).sign(DATA);
    assertThat(engine.verify(notAPoint, DATA, signature)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aNonCanonicalScalarIsRejected(Engines engines) {
    // S + L is the same scalar mod L, so only the check S < L (RFC 8032, 5.1.7) rejects it.
    Ed25519Engine engine = engines.get();
    SigningKey key = engine.signingKey(new byte[32]);
    byte[] signature = key.sign(DATA);
    BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
    byte[] malleable = signature.clone();
    System.arraycopy(littleEndian(s.add(L)), 0, malleable, 32, 32);

    assertThat(engine.verify(key.publicKey(), DATA, signature)).isTrue();
    assertThat(engine.verify(key.publicKey(), DATA, malleable)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void seedsMustBe32BytesAndNeverShow(Engines engines) {
    Ed25519Engine engine = engines.get();
    assertThatThrownBy(() -> engine.signingKey(new byte[31]))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("32-byte seed, got 31 bytes");
    assertThatThrownBy(() -> engine.signingKey(null)).isInstanceOf(KeyException.class);
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 0xab);
    assertThat(engine.signingKey(seed).toString())
        .contains("redacted")
        .doesNotContainIgnoringCase("abab");
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  /** The 32-byte little-endian encoding of a value below 2^256. */
  private static byte[] littleEndian(BigInteger value) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 32; i++) {
      bytes[i] = value.shiftRight(8 * i).byteValue();
    }
    return bytes;
  }
}
