package dev.trellis.interfaces.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Ed25519 through the JDK's {@code EdDSA} provider (Java 15+), on raw 32-byte keys. */
final class Ed25519 {
  static final int KEY_LENGTH = 32;
  static final int SIGNATURE_LENGTH = 64;

  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows. */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  /** The private key object for a raw 32-byte seed. */
  static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required (Java 15+)", e);
    }
  }

  /**
   * The raw public key of a seed. The JDK has no public API for this derivation, so the key pair
   * generator is fed the seed as its only random bytes (it draws exactly 32 bytes for the private
   * key); {@link KeyPair} checks the result against the A.1 vectors in tests.
   */
  static byte[] publicKey(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
      byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
      return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required (Java 15+)", e);
    }
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether {@code sig} is a valid signature of {@code data} by the raw public key. */
  static boolean verify(byte[] rawPublicKey, byte[] data, byte[] sig) {
    if (rawPublicKey.length != KEY_LENGTH || sig == null || sig.length != SIGNATURE_LENGTH) {
      return false;
    }
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
    System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(data);
      return signature.verify(sig);
    } catch (GeneralSecurityException | ProviderException e) {
      // A key that is not a curve point, or a malformed signature: not a valid signature.
      return false;
    }
  }

  /** Hands out the seed once; any further request for random bytes is a programming error. */
  private static final class FixedRandom extends SecureRandom {
    private byte[] remaining;

    FixedRandom(byte[] seed) {
      this.remaining = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (remaining == null || bytes.length != remaining.length) {
        throw new IllegalStateException("unexpected draw of " + bytes.length + " random bytes");
      }
      System.arraycopy(remaining, 0, bytes, 0, bytes.length);
      Arrays.fill(remaining, (byte) 0);
      remaining = null;
    }
  }
}
