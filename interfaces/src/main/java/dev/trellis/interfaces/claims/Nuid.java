package dev.trellis.interfaces.claims;

import java.security.SecureRandom;

/**
 * Token ids in the shape of NATS nuids: 22 characters from {@code [0-9A-Za-z]}. wascap uses the
 * {@code nuid} crate for {@code jti}; receivers treat it as opaque, so a fully random value of the
 * same shape (about 131 bits) serves.
 */
public final class Nuid {
  /** The length of every id. */
  public static final int LENGTH = 22;

  private static final char[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Nuid() {}

  /** A new random id. */
  public static String next() {
    char[] out = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = DIGITS[RANDOM.nextInt(DIGITS.length)];
    }
    return new String(out);
  }
}
