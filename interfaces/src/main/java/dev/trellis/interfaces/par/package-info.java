/**
 * Provider archives (spec §7.1): read, inspect, create, insert a target, verify.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>wasmCloud's archive loader only decodes {@code claims.jwt} and checks the target hashes;
 *       whether OTP verifies the JWT signature elsewhere is unconfirmed. Trellis verifies it:
 *       {@link dev.trellis.interfaces.par.ProviderArchive#nativeExecutable(java.time.Clock)} checks
 *       signature, validity window and the native target's hash before handing out bytes.
 *   <li>A binary is never returned without its hash check; reading alone only checks the structure,
 *       so a damaged archive can still be inspected.
 *   <li>Two entries with the same file stem make the archive malformed (Rust's loader lets the last
 *       win); content beyond a read limit (512 MiB by default) is refused.
 *   <li>Archives we write are POSIX tars with {@code claims.jwt} first, then the targets in sorted
 *       order, each entry's time set to the claims' {@code iat}.
 * </ul>
 */
package dev.trellis.interfaces.par;
