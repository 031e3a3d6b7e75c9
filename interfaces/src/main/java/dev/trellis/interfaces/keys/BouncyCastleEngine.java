package dev.trellis.interfaces.keys;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 through BouncyCastle's lightweight API: pure Java, so always available (jnats brings the
 * same artifact onto every classpath that talks to NATS). The fallback when libsodium is missing
 * (docs/adr/0005-ed25519-with-bouncycastle.md).
 */
final class BouncyCastleEngine extends Ed25519Engine {
  static final BouncyCastleEngine INSTANCE = new BouncyCastleEngine();

  private BouncyCastleEngine() {}

  @Override
  public String name() {
    return "BouncyCastle";
  }

  @Override
  SigningKey newSigningKey(byte[] seed) {
    return new Key(new Ed25519PrivateKeyParameters(seed, 0));
  }

  @Override
  boolean verifyWellFormed(byte[] publicKey, byte[] data, byte[] signature) {
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      verifier.update(data, 0, data.length);
      return verifier.verifySignature(signature);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A key that is not a curve point: not a valid signature.
      return false;
    }
  }

  private static final class Key implements SigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    Key(Ed25519PrivateKeyParameters privateKey) {
      this.privateKey = privateKey;
      this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    @Override
    public byte[] publicKey() {
      return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, privateKey);
      signer.update(data, 0, data.length);
      return signer.generateSignature();
    }

    @Override
    public String toString() {
      return "BouncyCastle signing key [redacted]";
    }
  }
}
