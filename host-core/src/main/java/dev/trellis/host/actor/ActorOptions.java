package dev.trellis.host.actor;

import java.util.Objects;

/**
 * How to run one actor on this host.
 *
 * @param isolation pooled (reuse instances) or fresh (one per call)
 * @param limits deadline, memory and payload limits
 * @param scale how many calls may run at once (instances kept in pooled mode)
 */
public record ActorOptions(Isolation isolation, ActorLimits limits, int scale) {
  public ActorOptions {
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(limits, "limits");
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1, got " + scale);
    }
  }

  public ActorOptions withScale(int value) {
    return new ActorOptions(isolation, limits, value);
  }

  public ActorOptions withIsolation(Isolation value) {
    return new ActorOptions(value, limits, scale);
  }

  public ActorOptions withLimits(ActorLimits value) {
    return new ActorOptions(isolation, value, scale);
  }
}
