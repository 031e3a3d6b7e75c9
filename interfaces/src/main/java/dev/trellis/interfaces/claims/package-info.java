/**
 * wascap claims (spec §8.2–8.4): JWTs signed with Ed25519 nkeys, their typed metadata (actor,
 * provider, invocation), and claims embedded in WebAssembly modules.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Claims JSON is written as {@code serde_json} writes it (field order, compact, serde's
 *       escapes), so our tokens are byte-identical to wascap's for the same claims (A.4). The one
 *       place serde has no fixed order, a provider's {@code target_hashes} map, is written with
 *       sorted keys.
 *   <li>Reading follows serde: unknown keys ignored, {@code null} = absent for options, required
 *       fields required; stricter than serde only where it cannot matter: duplicate keys and
 *       trailing data are errors, times above {@code Long.MAX_VALUE} are rejected, base64url must
 *       be canonical and unpadded.
 *   <li>{@link dev.trellis.interfaces.claims.ClaimsException#wascapText()} carries wascap 0.11's
 *       error display for the same failure, for callers that must put it on the wire.
 *   <li>Module verification follows wascap's order: decode, hash (enforced from {@code
 *       wascap_revision} 3, else reported so the host can log a warning), then signature and
 *       validity window.
 *   <li>{@code jti} is 22 random base62 characters (the shape of a NATS nuid).
 * </ul>
 */
package dev.trellis.interfaces.claims;
