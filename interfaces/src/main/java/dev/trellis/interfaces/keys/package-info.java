/**
 * nkeys (spec §8.1): Ed25519 key pairs and their base32 + CRC-16 string encodings, implemented here
 * rather than through jnats, whose {@code NKey} does not know the wasmCloud module ({@code M}) and
 * service ({@code V}) types. Ed25519 itself runs on libsodium when it is installed, else on
 * BouncyCastle ({@link dev.trellis.interfaces.keys.Ed25519Engine}).
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Decoding is strict: exact length, canonical base32 (zero trailing bits, as Rust's {@code
 *       data_encoding} requires), CRC-16/XMODEM little-endian, a known prefix byte; a seed must
 *       also have zero low bits in its second byte.
 *   <li>Both engines derive the public key from the 32-byte seed as RFC 8032 says; the A.1 vectors
 *       pin the result for every key type, and the A.4 vector a signature.
 *   <li>Seeds are wrapped in {@link dev.trellis.interfaces.keys.Seed} (redacted {@code toString});
 *       messages never echo an input that may be a seed.
 * </ul>
 */
package dev.trellis.interfaces.keys;
