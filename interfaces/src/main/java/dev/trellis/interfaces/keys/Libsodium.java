package dev.trellis.interfaces.keys;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;

/**
 * The four libsodium functions Trellis calls, bound with JNA's direct mapping ({@link
 * Native#register}): each Java call is one JNI call, with none of the reflection of JNA's interface
 * mapping. The methods keep libsodium's C names because direct mapping binds by name. Only {@link
 * LibsodiumEngine} calls them, after {@link #bind} succeeded.
 */
final class Libsodium {
  /**
   * The names tried in order: the portable one (needs the {@code libsodium.so} symlink of the
   * development package on Linux), then the soname of libsodium 1.0.x that the runtime package
   * alone installs (Debian/Ubuntu {@code libsodium23}).
   */
  static final List<String> LIBRARY_NAMES = List.of("sodium", "libsodium.so.23");

  private Libsodium() {}

  /**
   * Makes JNA load its native part, so that its failure is told apart from a missing libsodium.
   *
   * @throws LinkageError if JNA is not on the classpath or cannot load its native part here
   */
  static void requireJna() {
    if (Native.POINTER_SIZE <= 0) {
      throw new UnsatisfiedLinkError("JNA reports no pointer size");
    }
  }

  /**
   * Binds the functions below to the first library of {@code names} that loads, and initialises it.
   * Call once per JVM.
   *
   * @return libsodium's version, e.g. {@code 1.0.18}
   * @throws UnsatisfiedLinkError if no name loads, or the library lacks one of the functions
   * @throws IllegalStateException if {@code sodium_init()} fails
   */
  static String bind(List<String> names) {
    Native.register(Libsodium.class, open(names));
    if (sodium_init() < 0) {
      throw new IllegalStateException("sodium_init() returned -1");
    }
    return sodium_version_string();
  }

  private static NativeLibrary open(List<String> names) {
    UnsatisfiedLinkError failure =
        new UnsatisfiedLinkError(
            "no library named " + String.join(" or ", names) + " could be loaded");
    for (String name : names) {
      try {
        return NativeLibrary.getInstance(name);
      } catch (UnsatisfiedLinkError e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  /** 0 on success, 1 if already initialised, -1 on failure. */
  static native int sodium_init();

  static native String sodium_version_string();

  /** Fills {@code pk} (32 bytes) and {@code sk} (64 bytes: seed || pk) from a 32-byte seed. */
  static native int crypto_sign_seed_keypair(byte[] pk, byte[] sk, byte[] seed);

  /** Writes the 64-byte signature of {@code m} to {@code sig}; {@code siglen} may be null. */
  static native int crypto_sign_detached(
      byte[] sig, Pointer siglen, byte[] m, long mlen, byte[] sk);

  /** 0 if {@code sig} is a valid signature of {@code m} by {@code pk}, -1 otherwise. */
  static native int crypto_sign_verify_detached(byte[] sig, byte[] m, long mlen, byte[] pk);
}
