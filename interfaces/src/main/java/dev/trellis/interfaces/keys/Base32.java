package dev.trellis.interfaces.keys;

import java.util.Optional;

/** RFC 4648 base32 (alphabet {@code A–Z2–7}) without padding, as nkeys use it. */
final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Base32() {}

  static String encode(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1F]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
    }
    return out.toString();
  }

  /**
   * Decodes {@code text}; empty when a character is outside the alphabet or the length cannot be
   * produced by {@link #encode}. Leftover bits must be zero, so every byte string has exactly one
   * encoding.
   */
  static Optional<byte[]> decode(CharSequence text) {
    int length = text.length();
    int remainder = length % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      return Optional.empty();
    }
    byte[] out = new byte[length * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (int i = 0; i < length; i++) {
      int value = valueOf(text.charAt(i));
      if (value < 0) {
        return Optional.empty();
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
      buffer &= (1 << bits) - 1;
    }
    if (buffer != 0) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    return -1;
  }
}
