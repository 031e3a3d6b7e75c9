package dev.trellis.interfaces.keys;

import java.util.Optional;

/**
 * The nkey types used by wasmCloud 0.x (spec §8.1). Each type has a letter (the first character of
 * its public key) and a prefix byte (the first raw byte of its encoded form).
 */
public enum KeyType {
  /** {@code A…}: signs actor and provider claims. */
  ACCOUNT('A', 0x00),
  /** {@code C…}: signs invocations; the cluster issuers list. */
  CLUSTER('C', 0x10),
  /** {@code N…}: a host id. */
  SERVER('N', 0x68),
  /** {@code M…}: an actor (module) identity. */
  MODULE('M', 0x60),
  /** {@code V…}: a provider (service) identity. */
  SERVICE('V', 0xA8),
  /** {@code O…}: issues accounts; not used on the data plane. */
  OPERATOR('O', 0x70),
  /** {@code U…}: NATS users. */
  USER('U', 0xA0);

  private final char letter;
  private final int prefixByte;

  KeyType(char letter, int prefixByte) {
    this.letter = letter;
    this.prefixByte = prefixByte;
  }

  /** The first character of a public key of this type, e.g. {@code 'M'}. */
  public char letter() {
    return letter;
  }

  /** The prefix byte of this type (0–255). */
  public int prefixByte() {
    return prefixByte;
  }

  /** The type whose prefix byte is {@code prefixByte}, if any. */
  public static Optional<KeyType> fromPrefixByte(int prefixByte) {
    for (KeyType type : values()) {
      if (type.prefixByte == prefixByte) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type whose public keys start with {@code letter}, if any. */
  public static Optional<KeyType> fromLetter(char letter) {
    for (KeyType type : values()) {
      if (type.letter == letter) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
