package dev.trellis.interfaces.keys;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * Mutations for robustness tests: bit flips, byte changes, truncations, insertions, deletions and
 * duplications of a valid input, or plain random bytes. Seeded, so every run sees the same inputs.
 */
public final class Mutator {
  private static final String TEXT_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz234567-_.={}\":,[]\\ \u00e9\u0000";

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  /** A mutation of {@code valid}: one to four edits, or (1 in 20) random bytes. */
  public byte[] mutate(byte[] valid) {
    if (random.nextInt(20) == 0) {
      byte[] noise = new byte[random.nextInt(Math.max(2, valid.length * 2))];
      random.nextBytes(noise);
      return noise;
    }
    byte[] out = valid.clone();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      out = edit(out);
    }
    return out;
  }

  /** A mutation of {@code valid} at the character level. */
  public String mutate(String valid) {
    StringBuilder out = new StringBuilder(valid);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int length = out.length();
      int at = length == 0 ? 0 : random.nextInt(length);
      switch (random.nextInt(5)) {
        case 0 -> {
          if (length > 0) {
            out.setCharAt(at, randomChar());
          }
        }
        case 1 -> out.setLength(length == 0 ? 0 : random.nextInt(length));
        case 2 -> out.insert(at, randomChar());
        case 3 -> {
          if (length > 0) {
            out.deleteCharAt(at);
          }
        }
        default -> {
          if (length > 0) {
            out.setCharAt(at, (char) (out.charAt(at) ^ (1 << random.nextInt(7))));
          }
        }
      }
    }
    return out.toString();
  }

  private char randomChar() {
    return TEXT_ALPHABET.charAt(random.nextInt(TEXT_ALPHABET.length()));
  }

  private byte[] edit(byte[] in) {
    int length = in.length;
    int at = length == 0 ? 0 : random.nextInt(length);
    switch (random.nextInt(6)) {
      case 0 -> {
        if (length > 0) {
          byte[] out = in.clone();
          out[at] ^= (byte) (1 << random.nextInt(8));
          return out;
        }
        return in;
      }
      case 1 -> {
        if (length > 0) {
          byte[] out = in.clone();
          out[at] = (byte) random.nextInt(256);
          return out;
        }
        return in;
      }
      case 2 -> {
        return Arrays.copyOf(in, length == 0 ? 0 : random.nextInt(length));
      }
      case 3 -> {
        byte[] insert = new byte[1 + random.nextInt(16)];
        random.nextBytes(insert);
        return splice(in, at, 0, insert);
      }
      case 4 -> {
        int count = length == 0 ? 0 : random.nextInt(Math.min(32, length - at) + 1);
        return splice(in, at, count, new byte[0]);
      }
      default -> {
        int count = length == 0 ? 0 : random.nextInt(Math.min(64, length - at) + 1);
        return splice(in, at, 0, Arrays.copyOfRange(in, at, at + count));
      }
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** A short printable form of an input, for failure messages. */
  public static String describe(byte[] input) {
    String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 96));
    return input.length + " bytes: " + hex + (input.length > 96 ? "…" : "");
  }
}
