package dev.trellis.interfaces.keys;

/**
 * Both Ed25519 engines, constructed explicitly so every test runs against each whatever the
 * selection would pick. libsodium is required: ./test.sh installs it, and a machine without it
 * fails these tests rather than skipping them.
 */
enum Engines {
  LIBSODIUM,
  BOUNCYCASTLE;

  Ed25519Engine get() {
    if (this == BOUNCYCASTLE) {
      return BouncyCastleEngine.INSTANCE;
    }
    try {
      return LibsodiumEngine.load();
    } catch (Ed25519EngineException e) {
      throw new AssertionError(
          "the Ed25519 tests need libsodium (./test.sh installs libsodium23): " + e.getMessage(),
          e);
    }
  }

  Ed25519Engine other() {
    return (this == LIBSODIUM ? BOUNCYCASTLE : LIBSODIUM).get();
  }
}
