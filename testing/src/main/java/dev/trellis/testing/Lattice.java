package dev.trellis.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A lattice, named by its prefix: the {@code {lattice}} in every wasmbus subject and the name of
 * its JetStream KV bucket. The extension gives each test its own, so tests sharing one nats-server
 * never see each other's messages or data.
 *
 * @param prefix letters, digits, {@code -} and {@code _} only (controlplane §5.3): never {@code .},
 *     {@code *}, {@code >} or spaces
 */
public record Lattice(String prefix) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern INVALID_CHARS = Pattern.compile("[^A-Za-z0-9_-]+");
  private static final int MAX_HINT = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  public Lattice {
    if (prefix == null || !VALID.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "lattice prefix \"" + prefix + "\" may only hold letters, digits, '-' and '_'");
    }
  }

  /**
   * A lattice no other test will get: {@code hint} (cleaned to the allowed characters and
   * shortened) followed by random hex, such as {@code KeyValueIT-putsAndGets-3f9a2c1d}.
   */
  public static Lattice unique(String hint) {
    String cleaned = INVALID_CHARS.matcher(hint == null ? "" : hint).replaceAll("_");
    if (cleaned.length() > MAX_HINT) {
      cleaned = cleaned.substring(0, MAX_HINT);
    }
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    String random = HexFormat.of().formatHex(suffix);
    return new Lattice(cleaned.isEmpty() ? random : cleaned + "-" + random);
  }

  @Override
  public String toString() {
    return prefix;
  }
}
