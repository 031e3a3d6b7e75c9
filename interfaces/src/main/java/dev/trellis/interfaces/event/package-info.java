/**
 * Lattice events (controlplane §6): the CloudEvents 1.0 envelope ({@link
 * dev.trellis.interfaces.event.CloudEvent}), one record per event type implementing {@link
 * dev.trellis.interfaces.event.LatticeEvent}, and {@link dev.trellis.interfaces.event.EventCodec}
 * between them and bytes. Also the host's {@link dev.trellis.interfaces.event.FriendlyName} and
 * {@link dev.trellis.interfaces.event.Uptime} texts.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Events are published on {@code wasmbus.evt.{lattice}} without a suffix ({@link
 *       dev.trellis.interfaces.event.LatticeEvent#subject}); invocation events on {@code
 *       wasmbus.rpcevt.{lattice}}.
 *   <li>Payloads hold exactly OTP 0.63's fields and never {@code null}: strict consumers (wadm 0.7)
 *       fail on nulls, so unknown names and versions are {@code ""}, claims {@code caps} and {@code
 *       tags} are lists, {@code revision} a number.
 *   <li>Provider claims in {@code provider_started} carry {@code tags} as a list (empty: wascap
 *       provider claims have no tags).
 *   <li>The heartbeat is the OTP 0.60+ shape (actor counts by key); decoding also accepts the older
 *       list shape.
 *   <li>{@code time} is written in UTC with six fraction digits, as Elixir writes {@code
 *       DateTime.utc_now()}.
 * </ul>
 */
package dev.trellis.interfaces.event;
