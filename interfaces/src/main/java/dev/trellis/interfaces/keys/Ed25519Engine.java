package dev.trellis.interfaces.keys;

/**
 * An implementation of Ed25519 (RFC 8032): libsodium through JNA when the library can be loaded and
 * passes a self-test, BouncyCastle otherwise. The choice is made once, when the first key is used,
 * and can be forced with the {@value #PROPERTY} system property: {@code auto} (the default), {@code
 * libsodium} or {@code bouncycastle}. Both engines sign identically and agree on every signature an
 * RFC 8032 signer makes; they differ only on crafted signatures with small-order components
 * (docs/adr/0010-ed25519-through-libsodium.md).
 */
public abstract sealed class Ed25519Engine permits BouncyCastleEngine, LibsodiumEngine {
  /**
   * The system property that picks the engine: {@code auto}, {@code libsodium} or {@code
   * bouncycastle}.
   */
  public static final String PROPERTY = "trellis.ed25519";

  Ed25519Engine() {}

  /**
   * The engine every {@link KeyPair} and {@link NKeys#verify} of this JVM uses.
   *
   * @throws Ed25519EngineException if {@value #PROPERTY} forces an engine that cannot be used
   */
  public static Ed25519Engine current() {
    return Ed25519.engine();
  }

  /**
   * The engine's name for logs and benchmarks, e.g. {@code libsodium 1.0.18} or {@code
   * BouncyCastle}.
   */
  public abstract String name();

  @Override
  public final String toString() {
    return name();
  }

  /**
   * The signing key of a raw 32-byte seed.
   *
   * @throws KeyException if the seed is not 32 bytes
   */
  final SigningKey signingKey(byte[] seed) {
    if (seed == null || seed.length != Ed25519.KEY_LENGTH) {
      throw new KeyException(
          "failed to create signing key: expected a 32-byte seed, got "
              + (seed == null ? "null" : seed.length + " bytes"));
    }
    return newSigningKey(seed);
  }

  /**
   * Whether {@code signature} is a valid signature of {@code data} by the raw public key. Never
   * throws: null or wrongly sized inputs, a key that is not a curve point and a non-canonical
   * signature are all simply invalid.
   */
  final boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
    if (publicKey == null
        || publicKey.length != Ed25519.KEY_LENGTH
        || data == null
        || signature == null
        || signature.length != Ed25519.SIGNATURE_LENGTH) {
      return false;
    }
    return verifyWellFormed(publicKey, data, signature);
  }

  /** {@link #signingKey} for a seed known to be 32 bytes. */
  abstract SigningKey newSigningKey(byte[] seed);

  /** {@link #verify} for non-null inputs of the right lengths. */
  abstract boolean verifyWellFormed(byte[] publicKey, byte[] data, byte[] signature);
}
