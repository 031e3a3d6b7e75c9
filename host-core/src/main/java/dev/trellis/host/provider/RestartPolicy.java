package dev.trellis.host.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How a provider that exits unexpectedly is restarted: exponential backoff from {@code
 * initialDelay}, doubling up to {@code maxDelay}; the delay resets once a run lasted {@code
 * stableAfter}; {@code crashLoopRestarts} restarts within {@code crashLoopWindow} count as a crash
 * loop, which is reported (restarts go on at the ceiling).
 */
public record RestartPolicy(
    Duration initialDelay,
    Duration maxDelay,
    Duration stableAfter,
    int crashLoopRestarts,
    Duration crashLoopWindow) {

  /** 250 ms doubling to 30 s; stable after 60 s; 5 restarts within 60 s is a crash loop. */
  public static final RestartPolicy DEFAULT =
      new RestartPolicy(
          Duration.ofMillis(250),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          5,
          Duration.ofSeconds(60));

  public RestartPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(stableAfter, "stableAfter");
    Objects.requireNonNull(crashLoopWindow, "crashLoopWindow");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "restart delays must satisfy 0 <= initialDelay <= maxDelay, got "
              + initialDelay
              + " and "
              + maxDelay);
    }
    if (crashLoopRestarts < 1) {
      throw new IllegalArgumentException(
          "crashLoopRestarts must be >= 1, got " + crashLoopRestarts);
    }
  }
}
