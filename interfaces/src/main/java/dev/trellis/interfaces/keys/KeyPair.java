package dev.trellis.interfaces.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 key pair with its nkey encodings (spec §8.1). Immutable and thread-safe. {@link
 * #toString()} shows the public key only. Signs through the {@link Ed25519Engine#current() current
 * engine}, which prepares its signing key once, here.
 */
public final class KeyPair {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyType type;
  private final byte[] rawSeed;
  private final SigningKey signingKey;
  private final byte[] rawPublicKey;
  private final String publicKey;

  private KeyPair(KeyType type, byte[] rawSeed) {
    this.type = type;
    this.rawSeed = rawSeed.clone();
    this.signingKey = Ed25519.signingKey(this.rawSeed);
    this.rawPublicKey = signingKey.publicKey().clone();
    this.publicKey = NKeys.encodePublicKey(type, rawPublicKey);
  }

  /**
   * The key pair of a seed string ({@code SC…}, {@code SA…}, …).
   *
   * @throws KeyException if the seed is invalid; the message never contains the seed
   */
  public static KeyPair fromSeed(CharSequence seed) {
    NKeys.DecodedSeed decoded = NKeys.decodeSeed(seed);
    try {
      return new KeyPair(decoded.type(), decoded.seed());
    } finally {
      Arrays.fill(decoded.seed(), (byte) 0);
    }
  }

  /** The key pair of a parsed seed. */
  public static KeyPair fromSeed(Seed seed) {
    return fromSeed(seed.reveal());
  }

  /** The key pair of {@code type} whose Ed25519 seed is the given 32 bytes. */
  public static KeyPair fromRawSeed(KeyType type, byte[] seed) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(seed, "seed");
    if (seed.length != Ed25519.KEY_LENGTH) {
      throw new KeyException(
          "failed to create key pair: expected a 32-byte seed, got " + seed.length);
    }
    return new KeyPair(type, seed);
  }

  /** A new random key pair of {@code type}. */
  public static KeyPair generate(KeyType type) {
    return generate(type, RANDOM);
  }

  /** A new key pair of {@code type} drawn from {@code random}. */
  public static KeyPair generate(KeyType type, SecureRandom random) {
    byte[] seed = new byte[Ed25519.KEY_LENGTH];
    random.nextBytes(seed);
    try {
      return fromRawSeed(type, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public KeyType type() {
    return type;
  }

  /** The 56-character public key, e.g. {@code CAB2…}. */
  public String publicKey() {
    return publicKey;
  }

  /** The raw 32-byte public key (a copy). */
  public byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  /** The seed, wrapped in a type whose {@code toString()} is redacted. */
  public Seed seed() {
    return Seed.of(NKeys.encodeSeed(type, rawSeed), type);
  }

  /** The 64-byte Ed25519 signature of {@code data} (deterministic, RFC 8032). */
  public byte[] sign(byte[] data) {
    return signingKey.sign(Objects.requireNonNull(data, "data"));
  }

  /** Whether {@code signature} is a valid signature of {@code data} by this key pair. */
  public boolean verify(byte[] data, byte[] signature) {
    return Ed25519.verify(rawPublicKey, data, signature);
  }

  @Override
  public String toString() {
    return "KeyPair[" + type + ", " + publicKey + "]";
  }
}
