/**
 * Invocation anti-forgery (spec §2.4, §4): entity URLs, the invocation hash, signing with the
 * cluster key, and the two validation orders wasmCloud receivers use, with their exact texts.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Outcomes are values ({@link dev.trellis.interfaces.antiforgery.InvocationVerdict}); the
 *       rejection text is what goes into {@code InvocationResponse.error}.
 *   <li>The host order and texts are those of the OTP native code (0.6x) with the {@code
 *       "Anti-forgery check failed: "} prefix OTP adds; a malformed token gives wascap's error
 *       display after the prefix.
 *   <li>The provider order and texts are those of rpc-rs 0.15, sent without prefix (rpc-rs turns
 *       the text into {@code RpcError::Other}, whose display is the text itself). The link check is
 *       a caller-supplied predicate, since the link table belongs to the provider SDK.
 *   <li>The signer does not insist on a cluster key type: receivers decide by the issuers list.
 * </ul>
 */
package dev.trellis.interfaces.antiforgery;
