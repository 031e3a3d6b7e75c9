package dev.trellis.host.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The restart schedule of one provider under a {@link RestartPolicy}, driven by an injected clock.
 * Not thread-safe: the supervisor calls it from its own serial executor.
 */
final class Backoff {
  private final RestartPolicy policy;
  private final Clock clock;
  private final Deque<Instant> recentExits = new ArrayDeque<>();
  private Duration next;
  private Instant startedAt;

  Backoff(RestartPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.next = policy.initialDelay();
  }

  /** Records that the provider (re)started now. */
  void started() {
    startedAt = clock.instant();
  }

  /** Records an unexpected exit and returns how long to wait before the next start. */
  Duration exited() {
    Instant now = clock.instant();
    if (startedAt != null
        && Duration.between(startedAt, now).compareTo(policy.stableAfter()) >= 0) {
      next = policy.initialDelay();
    }
    recentExits.addLast(now);
    while (!recentExits.isEmpty()
        && Duration.between(recentExits.peekFirst(), now).compareTo(policy.crashLoopWindow()) > 0) {
      recentExits.removeFirst();
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : doubled;
    return delay;
  }

  /** Whether the exits within the crash-loop window reached the policy's threshold. */
  boolean inCrashLoop() {
    return recentExits.size() >= policy.crashLoopRestarts();
  }

  /** Exits counted within the crash-loop window. */
  int recentExits() {
    return recentExits.size();
  }
}
