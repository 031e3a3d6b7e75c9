package dev.trellis.interfaces.keys;

import java.util.Objects;

/**
 * A decoded public key.
 *
 * @param type the key type named by its prefix byte
 * @param key the raw 32-byte Ed25519 public key (a copy)
 */
public record DecodedPublicKey(KeyType type, byte[] key) {
  public DecodedPublicKey {
    Objects.requireNonNull(type, "type");
    key = key.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  /** The 56-character encoded form. */
  public String encoded() {
    return NKeys.encodePublicKey(type, key);
  }
}
