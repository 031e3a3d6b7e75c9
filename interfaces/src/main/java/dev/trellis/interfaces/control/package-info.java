/**
 * The wasmCloud 0.x control interface as JSON (controlplane §1–3): commands and queries sent on
 * {@code wasmbus.ctl.{lattice}.…}, their replies, auctions, the lattice metadata values of the
 * {@code LATTICEDATA_{lattice}} bucket, registry credentials and the {@code host_config.json} file.
 *
 * <p>Every shape is a record; codecs ({@link dev.trellis.interfaces.control.CommandCodec}, {@link
 * dev.trellis.interfaces.control.AuctionCodec}, {@link dev.trellis.interfaces.control.HostCodec},
 * {@link dev.trellis.interfaces.control.LatticeDataCodec}, {@link
 * dev.trellis.interfaces.control.RegistryCredentialCodec}, {@link
 * dev.trellis.interfaces.control.HostConfigFileCodec}) turn them into bytes and back. Links reuse
 * {@link dev.trellis.interfaces.wire.LinkDefinitionCodec}.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Decoding follows OTP 0.63's {@code has_values}: a field exists only if present and not
 *       {@code null}; required fields are OTP's; unknown keys are ignored. A request that fails
 *       throws {@link dev.trellis.interfaces.control.InvalidCommandException} carrying OTP's ack
 *       text ({@link dev.trellis.interfaces.control.CtlErrors}); data shapes throw {@link
 *       dev.trellis.interfaces.DecodeException}. Messages name fields, never values.
 *   <li>Stricter than OTP where OTP would crash later: counts are integers within 0..65535,
 *       annotations and constraints are string maps, an unknown {@code registryType} is refused.
 *   <li>Encoding writes strings rather than nulls (unknown names, image references and versions are
 *       {@code ""}), because strict clients (wadm, the crate's KV path) fail on nulls. The one
 *       exception is {@code js_domain}, {@code null} when there is none, as OTP writes it.
 *   <li>A start count of 0 means one instance (the crate's documented meaning).
 * </ul>
 */
package dev.trellis.interfaces.control;
