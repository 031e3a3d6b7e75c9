package dev.trellis.interfaces.keys;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Ed25519 (RFC 8032) on raw 32-byte keys, through the {@link Ed25519Engine} chosen once, when this
 * class is initialised: every invocation is signed once and verified at least once, so speed
 * matters. Measured on the build machine, libsodium verifies in ~50 µs and signs in ~20 µs,
 * BouncyCastle in ~85 µs and ~35 µs, the JDK's {@code EdDSA} provider in ~640 µs (see
 * docs/adr/0005-ed25519-with-bouncycastle.md and docs/adr/0010-ed25519-through-libsodium.md).
 *
 * <p>{@value Ed25519Engine#PROPERTY} = {@code auto} (or unset) takes libsodium when it loads and
 * passes its self-test, BouncyCastle otherwise; {@code libsodium} or {@code bouncycastle} forces
 * one. A forced engine that cannot be used fails every call with an {@link Ed25519EngineException}
 * that says how to fix it.
 */
final class Ed25519 {
  static final int KEY_LENGTH = 32;
  static final int SIGNATURE_LENGTH = 64;

  private static final Logger LOG = System.getLogger(Ed25519.class.getName());
  private static final Ed25519Engine ENGINE;
  private static final Ed25519EngineException FAILURE;

  static {
    Ed25519Engine engine = null;
    Ed25519EngineException failure = null;
    try {
      engine = select(System.getProperty(Ed25519Engine.PROPERTY, "auto"));
      LOG.log(Level.DEBUG, "ed25519 engine selected engine={0}", engine);
    } catch (Ed25519EngineException e) {
      failure = e;
    }
    ENGINE = engine;
    FAILURE = failure;
  }

  private Ed25519() {}

  /** The selected engine; throws (on every call) if a forced engine cannot be used. */
  static Ed25519Engine engine() {
    if (ENGINE == null) {
      throw new Ed25519EngineException(FAILURE.getMessage(), FAILURE);
    }
    return ENGINE;
  }

  /** The signing key for a raw 32-byte seed. */
  static SigningKey signingKey(byte[] seed) {
    return engine().signingKey(seed);
  }

  /**
   * Whether {@code sig} is a valid signature of {@code data} by the raw public key; never throws.
   */
  static boolean verify(byte[] rawPublicKey, byte[] data, byte[] sig) {
    return engine().verify(rawPublicKey, data, sig);
  }

  /**
   * The engine for a value of {@value Ed25519Engine#PROPERTY}.
   *
   * @throws Ed25519EngineException if the value is unknown, or forces libsodium and it cannot be
   *     used
   */
  static Ed25519Engine select(String mode) {
    switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "":
      case "auto":
        try {
          return LibsodiumEngine.load();
        } catch (Ed25519EngineException | LinkageError e) {
          LOG.log(
              Level.DEBUG,
              "ed25519 libsodium unavailable, using BouncyCastle: {0}",
              e.getMessage());
          return BouncyCastleEngine.INSTANCE;
        }
      case "libsodium":
        try {
          return LibsodiumEngine.load();
        } catch (Ed25519EngineException | LinkageError e) {
          throw new Ed25519EngineException(
              e.getMessage()
                  + "; or set -D"
                  + Ed25519Engine.PROPERTY
                  + "=auto instead of libsodium to fall back to BouncyCastle",
              e);
        }
      case "bouncycastle":
        return BouncyCastleEngine.INSTANCE;
      default:
        throw new Ed25519EngineException(
            "failed to select the Ed25519 engine: unknown "
                + Ed25519Engine.PROPERTY
                + " value \""
                + mode
                + "\"; use auto, libsodium or bouncycastle");
    }
  }
}
