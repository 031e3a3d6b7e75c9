package dev.trellis.host.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final MutableClock clock = new MutableClock();
  private final RestartPolicy policy =
      new RestartPolicy(
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          3,
          Duration.ofSeconds(5));

  @Test
  void delaysDoubleUpToTheCeiling() {
    Backoff backoff = new Backoff(policy, clock);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      backoff.started();
      clock.advance(Duration.ofMillis(10));
      delays.add(backoff.exited().toMillis());
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void aStableRunResetsTheDelay() {
    Backoff backoff = new Backoff(policy, clock);
    backoff.started();
    backoff.exited();
    backoff.started();
    backoff.exited();
    backoff.started();
    clock.advance(Duration.ofSeconds(11));
    assertThat(backoff.exited()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void repeatedExitsWithinTheWindowAreACrashLoopAndAgeOut() {
    Backoff backoff = new Backoff(policy, clock);
    for (int i = 0; i < 3; i++) {
      backoff.started();
      clock.advance(Duration.ofMillis(500));
      backoff.exited();
    }
    assertThat(backoff.inCrashLoop()).isTrue();
    clock.advance(Duration.ofSeconds(6));
    backoff.started();
    backoff.exited();
    assertThat(backoff.inCrashLoop()).isFalse();
    assertThat(backoff.recentExits()).isEqualTo(1);
  }
}
