package dev.trellis.interfaces.keys;

/**
 * An Ed25519 private key in the form one {@link Ed25519Engine} signs with, derived once per {@link
 * KeyPair}. Implementations never show key material in {@code toString()}.
 */
interface SigningKey {
  /** The raw 32-byte public key; callers must not modify it. */
  byte[] publicKey();

  /** The 64-byte signature of {@code data} (deterministic, RFC 8032). */
  byte[] sign(byte[] data);
}
