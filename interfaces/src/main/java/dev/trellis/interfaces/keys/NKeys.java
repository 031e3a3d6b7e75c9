package dev.trellis.interfaces.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * Encoding and decoding of nkey strings (spec §8.1), with full validation: length, base32 alphabet,
 * CRC-16/XMODEM (little-endian) and prefix byte. Failures throw {@link KeyException}; messages name
 * public keys but never seed material.
 */
public final class NKeys {
  /** Length of an encoded public key. */
  public static final int PUBLIC_KEY_LENGTH = 56;

  /** Length of an encoded seed. */
  public static final int SEED_LENGTH = 58;

  static final int SEED_PREFIX = 0x90;
  private static final int MAX_SHOWN = 64;

  private NKeys() {}

  /** Encodes a raw 32-byte Ed25519 public key as a 56-character nkey of {@code type}. */
  public static String encodePublicKey(KeyType type, byte[] key) {
    Objects.requireNonNull(type, "type");
    checkRawLength(key, "public key");
    byte[] raw = new byte[1 + Ed25519.KEY_LENGTH + 2];
    raw[0] = (byte) type.prefixByte();
    System.arraycopy(key, 0, raw, 1, Ed25519.KEY_LENGTH);
    appendCrc(raw);
    return Base32.encode(raw);
  }

  /** Decodes a public key of any type. */
  public static DecodedPublicKey decodePublicKey(String encoded) {
    if (encoded == null) {
      throw new KeyException("failed to decode public key: it is null");
    }
    String shown = show(encoded);
    if (encoded.length() != PUBLIC_KEY_LENGTH) {
      throw new KeyException(
          "failed to decode public key '"
              + shown
              + "': expected "
              + PUBLIC_KEY_LENGTH
              + " characters, got "
              + encoded.length());
    }
    byte[] raw = decodeChecked(encoded, "public key '" + shown + "'");
    int prefix = raw[0] & 0xFF;
    if ((prefix & 0xF8) == SEED_PREFIX) {
      throw new KeyException(
          "failed to decode public key '" + shown + "': it is a seed, not a public key");
    }
    KeyType type =
        KeyType.fromPrefixByte(prefix)
            .orElseThrow(
                () ->
                    new KeyException(
                        String.format(
                            "failed to decode public key '%s': unknown key type prefix 0x%02X",
                            shown, prefix)));
    return new DecodedPublicKey(type, Arrays.copyOfRange(raw, 1, 1 + Ed25519.KEY_LENGTH));
  }

  /** Decodes a public key and checks that it has the {@code expected} type. */
  public static byte[] decodePublicKey(String encoded, KeyType expected) {
    DecodedPublicKey decoded = decodePublicKey(encoded);
    if (decoded.type() != expected) {
      throw new KeyException(
          "failed to decode public key '"
              + show(encoded)
              + "': expected a "
              + expected
              + " key ("
              + expected.letter()
              + "…), got a "
              + decoded.type()
              + " key");
    }
    return decoded.key();
  }

  /** Whether {@code encoded} is a valid public key of any type. */
  public static boolean isValidPublicKey(String encoded) {
    try {
      decodePublicKey(encoded);
      return true;
    } catch (KeyException e) {
      return false;
    }
  }

  /** Whether {@code encoded} is a valid public key of type {@code expected}. */
  public static boolean isValidPublicKey(String encoded, KeyType expected) {
    try {
      decodePublicKey(encoded, expected);
      return true;
    } catch (KeyException e) {
      return false;
    }
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature of {@code data} by {@code publicKey}.
   *
   * @throws KeyException if {@code publicKey} is not a valid public key
   */
  public static boolean verify(String publicKey, byte[] data, byte[] signature) {
    byte[] key = decodePublicKey(publicKey).key();
    return Ed25519.verify(key, data, signature);
  }

  static String encodeSeed(KeyType type, byte[] seed) {
    checkRawLength(seed, "seed");
    byte[] raw = new byte[2 + Ed25519.KEY_LENGTH + 2];
    raw[0] = (byte) (SEED_PREFIX | (type.prefixByte() >>> 5));
    raw[1] = (byte) ((type.prefixByte() & 0x1F) << 3);
    System.arraycopy(seed, 0, raw, 2, Ed25519.KEY_LENGTH);
    appendCrc(raw);
    String encoded = Base32.encode(raw);
    Arrays.fill(raw, (byte) 0);
    return encoded;
  }

  /** Decodes a seed string into its type and raw 32 bytes. Messages never echo the input. */
  static DecodedSeed decodeSeed(CharSequence encoded) {
    if (encoded == null) {
      throw new KeyException("failed to decode seed: it is null");
    }
    if (encoded.length() != SEED_LENGTH) {
      throw new KeyException(
          "failed to decode seed: expected "
              + SEED_LENGTH
              + " characters, got "
              + encoded.length()
              + (encoded.length() == PUBLIC_KEY_LENGTH ? " (is it a public key?)" : ""));
    }
    byte[] raw = decodeChecked(encoded, "seed");
    try {
      if ((raw[0] & 0xF8) != SEED_PREFIX) {
        throw new KeyException("failed to decode seed: it does not start with the seed prefix 'S'");
      }
      if ((raw[1] & 0x07) != 0) {
        throw new KeyException("failed to decode seed: malformed key type bits");
      }
      int prefix = ((raw[0] & 0x07) << 5) | ((raw[1] & 0xF8) >>> 3);
      KeyType type =
          KeyType.fromPrefixByte(prefix)
              .orElseThrow(
                  () ->
                      new KeyException(
                          String.format(
                              "failed to decode seed: unknown key type prefix 0x%02X", prefix)));
      return new DecodedSeed(type, Arrays.copyOfRange(raw, 2, 2 + Ed25519.KEY_LENGTH));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static byte[] decodeChecked(CharSequence encoded, String what) {
    byte[] raw =
        Base32.decode(encoded)
            .orElseThrow(
                () ->
                    new KeyException(
                        "failed to decode "
                            + what
                            + ": not canonical base32 (letters A-Z and digits 2-7, no padding)"));
    int crcAt = raw.length - 2;
    int expected = (raw[crcAt] & 0xFF) | ((raw[crcAt + 1] & 0xFF) << 8);
    if (Crc16.compute(raw, crcAt) != expected) {
      Arrays.fill(raw, (byte) 0);
      throw new KeyException("failed to decode " + what + ": checksum mismatch");
    }
    return raw;
  }

  private static void appendCrc(byte[] raw) {
    int crcAt = raw.length - 2;
    int crc = Crc16.compute(raw, crcAt);
    raw[crcAt] = (byte) crc;
    raw[crcAt + 1] = (byte) (crc >>> 8);
  }

  private static void checkRawLength(byte[] key, String what) {
    Objects.requireNonNull(key, what);
    if (key.length != Ed25519.KEY_LENGTH) {
      throw new KeyException("failed to encode " + what + ": expected 32 bytes, got " + key.length);
    }
  }

  /** The input as shown in messages: never echoed when it may be a seed. */
  private static String show(String encoded) {
    if (encoded.startsWith("S")) {
      return "S… (redacted: it may be a seed)";
    }
    return encoded.length() <= MAX_SHOWN ? encoded : encoded.substring(0, MAX_SHOWN) + "…";
  }

  /** A decoded seed: its type and raw bytes. Package-private so seed bytes stay inside. */
  record DecodedSeed(KeyType type, byte[] seed) {
    @Override
    public String toString() {
      return "DecodedSeed[" + type + ", redacted]";
    }
  }
}
