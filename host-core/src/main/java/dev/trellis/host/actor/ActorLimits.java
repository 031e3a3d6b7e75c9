package dev.trellis.host.actor;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits an actor runs under; part of its contract. A call that exceeds its deadline is
 * interrupted and its instance thrown away; memory cannot grow past {@code maxMemoryPages}; inbound
 * payloads, guest responses and outbound host-call payloads larger than {@code maxPayloadBytes} are
 * refused.
 *
 * @param callTimeout the wall-clock deadline of one inbound call, host calls included
 * @param maxMemoryPages the most 64 KiB pages an instance's memory may have
 * @param maxPayloadBytes the largest payload accepted or produced in one call
 */
public record ActorLimits(Duration callTimeout, int maxMemoryPages, int maxPayloadBytes) {

  /** 5 s per call (OTP's GenServer default), 256 MiB of memory, 16 MiB payloads. */
  public static final ActorLimits DEFAULT = new ActorLimits(Duration.ofSeconds(5), 4096, 16 << 20);

  public ActorLimits {
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
    }
    if (maxMemoryPages < 1 || maxMemoryPages > 65536) {
      throw new IllegalArgumentException(
          "maxMemoryPages must be within 1..65536, got " + maxMemoryPages);
    }
    if (maxPayloadBytes < 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 0, got " + maxPayloadBytes);
    }
  }

  public ActorLimits withCallTimeout(Duration timeout) {
    return new ActorLimits(timeout, maxMemoryPages, maxPayloadBytes);
  }

  public ActorLimits withMaxMemoryPages(int pages) {
    return new ActorLimits(callTimeout, pages, maxPayloadBytes);
  }

  public ActorLimits withMaxPayloadBytes(int bytes) {
    return new ActorLimits(callTimeout, maxMemoryPages, bytes);
  }
}
