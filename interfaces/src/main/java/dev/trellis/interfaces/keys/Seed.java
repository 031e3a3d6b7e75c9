package dev.trellis.interfaces.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A validated nkey seed ({@code S…}, 58 characters): the secret from which a {@link KeyPair} is
 * derived. {@link #toString()} is redacted; only {@link #reveal()} gives the seed string, for the
 * few places that must hand it on (HostData's {@code invocation_seed}, a key file).
 */
public final class Seed {
  private final String encoded;
  private final KeyType type;

  private Seed(String encoded, KeyType type) {
    this.encoded = encoded;
    this.type = type;
  }

  /**
   * Parses and fully validates a seed string.
   *
   * @throws KeyException if it is not a valid seed; the message never contains the input
   */
  public static Seed parse(CharSequence encoded) {
    NKeys.DecodedSeed decoded = NKeys.decodeSeed(encoded);
    Arrays.fill(decoded.seed(), (byte) 0);
    return new Seed(encoded.toString(), decoded.type());
  }

  static Seed of(String encoded, KeyType type) {
    return new Seed(Objects.requireNonNull(encoded), Objects.requireNonNull(type));
  }

  /** The type of the key pair this seed derives. */
  public KeyType type() {
    return type;
  }

  /** The seed string itself. Never log it. */
  public String reveal() {
    return encoded;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Seed that
        && MessageDigest.isEqual(
            encoded.getBytes(StandardCharsets.US_ASCII),
            that.encoded.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "Seed[" + type + ", redacted]";
  }
}
