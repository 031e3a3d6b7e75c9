/**
 * nkeys (spec §8.1): Ed25519 key pairs and their base32 + CRC-16 string encodings, implemented
 * directly on the JDK's {@code Ed25519} provider (Java 15+) rather than through jnats, whose {@code
 * NKey} does not know the wasmCloud module ({@code M}) and service ({@code V}) types.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Decoding is strict: exact length, canonical base32 (zero trailing bits, as Rust's {@code
 *       data_encoding} requires), CRC-16/XMODEM little-endian, a known prefix byte; a seed must
 *       also have zero low bits in its second byte.
 *   <li>The JDK has no API deriving a public key from an Ed25519 seed, so {@code Ed25519} feeds the
 *       seed to the key pair generator as its only random bytes; the A.1 vectors pin the result for
 *       every key type.
 *   <li>Seeds are wrapped in {@link dev.trellis.interfaces.keys.Seed} (redacted {@code toString});
 *       messages never echo an input that may be a seed.
 * </ul>
 */
package dev.trellis.interfaces.keys;
