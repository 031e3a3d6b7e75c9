package dev.trellis.interfaces.keys;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Ed25519 through libsodium (docs/adr/0010-ed25519-through-libsodium.md): about 1.7 times as fast
 * as BouncyCastle to verify and 1.9 times to sign. Loaded once; before first use it must pass RFC
 * 8032's test 1 (the public key and signature of the empty message, and a tampered signature that
 * must not verify), so a broken or unexpected library is never used.
 */
final class LibsodiumEngine extends Ed25519Engine {
  private static final String INSTALL_HINT =
      "install libsodium (Debian/Ubuntu: apt-get install libsodium23; Alpine, Fedora, Homebrew:"
          + " the libsodium package)";

  private static final Logger LOG = System.getLogger(LibsodiumEngine.class.getName());

  // RFC 8032 section 7.1, TEST 1: the empty message.
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] TEST1_SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] TEST1_PUBLIC_KEY =
      HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final byte[] TEST1_SIGNATURE =
      HEX.parseHex(
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
              + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

  private static LibsodiumEngine loaded;
  private static Ed25519EngineException failure;

  private final String name;

  private LibsodiumEngine(String version) {
    this.name = "libsodium " + version;
  }

  /**
   * The libsodium engine; the library is loaded and self-tested on the first call only.
   *
   * @throws Ed25519EngineException if libsodium or JNA's native support cannot be loaded, or the
   *     self-test fails
   */
  static synchronized LibsodiumEngine load() {
    if (loaded == null && failure == null) {
      try {
        loaded = create(Libsodium.LIBRARY_NAMES);
      } catch (Ed25519EngineException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new Ed25519EngineException(failure.getMessage(), failure.getCause());
    }
    return loaded;
  }

  /**
   * Loads the first of {@code names} that loads, binds and self-tests it. Binding is once per JVM:
   * {@link #load()} calls this; tests call it only with names that cannot load.
   */
  static LibsodiumEngine create(List<String> names) {
    try {
      Libsodium.requireJna();
    } catch (LinkageError e) {
      // NoClassDefFoundError: JNA is not on the classpath; UnsatisfiedLinkError: no native part
      // for this platform, or it could not be unpacked.
      throw new Ed25519EngineException(
          "failed to load libsodium: JNA is unavailable ("
              + firstLine(e.toString())
              + "); JNA must be on the classpath and able to unpack its native part (see"
              + " -Djna.tmpdir)",
          e);
    }
    String version;
    try {
      version = Libsodium.bind(names);
    } catch (UnsatisfiedLinkError | IllegalStateException e) {
      throw new Ed25519EngineException(
          "failed to load libsodium: " + firstLine(e.getMessage()) + "; " + INSTALL_HINT, e);
    }
    LibsodiumEngine engine = new LibsodiumEngine(version);
    String selfTest = engine.selfTest();
    if (selfTest != null) {
      LOG.log(
          Level.WARNING,
          "ed25519 libsodium self-test failed version={0} check={1}",
          version,
          selfTest);
      throw new Ed25519EngineException(
          "failed to load libsodium "
              + version
              + ": its Ed25519 self-test (RFC 8032 test 1) failed: "
              + selfTest
              + "; reinstall libsodium");
    }
    return engine;
  }

  /** Null if RFC 8032 test 1 passes, else what went wrong. */
  private String selfTest() {
    SigningKey key = signingKey(TEST1_SEED);
    if (!Arrays.equals(key.publicKey(), TEST1_PUBLIC_KEY)) {
      return "wrong public key";
    }
    byte[] signature = key.sign(new byte[0]);
    if (!Arrays.equals(signature, TEST1_SIGNATURE)) {
      return "wrong signature";
    }
    if (!verify(TEST1_PUBLIC_KEY, new byte[0], signature)) {
      return "valid signature rejected";
    }
    signature[0] ^= 1;
    if (verify(TEST1_PUBLIC_KEY, new byte[0], signature)) {
      return "tampered signature accepted";
    }
    return null;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  SigningKey newSigningKey(byte[] seed) {
    byte[] publicKey = new byte[Ed25519.KEY_LENGTH];
    byte[] secretKey = new byte[2 * Ed25519.KEY_LENGTH];
    if (Libsodium.crypto_sign_seed_keypair(publicKey, secretKey, seed) != 0) {
      throw new Ed25519EngineException(
          "failed to create signing key: libsodium's crypto_sign_seed_keypair failed");
    }
    return new Key(publicKey, secretKey);
  }

  @Override
  boolean verifyWellFormed(byte[] publicKey, byte[] data, byte[] signature) {
    return Libsodium.crypto_sign_verify_detached(signature, data, data.length, publicKey) == 0;
  }

  /** libsodium's 64-byte secret key (seed || public key), derived once per key pair. */
  private static final class Key implements SigningKey {
    private final byte[] publicKey;
    private final byte[] secretKey;

    Key(byte[] publicKey, byte[] secretKey) {
      this.publicKey = publicKey;
      this.secretKey = secretKey;
    }

    @Override
    public byte[] publicKey() {
      return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
      byte[] signature = new byte[Ed25519.SIGNATURE_LENGTH];
      if (Libsodium.crypto_sign_detached(signature, null, data, data.length, secretKey) != 0) {
        throw new Ed25519EngineException("failed to sign: libsodium's crypto_sign_detached failed");
      }
      return signature;
    }

    @Override
    public String toString() {
      return "libsodium signing key [redacted]";
    }
  }
}
