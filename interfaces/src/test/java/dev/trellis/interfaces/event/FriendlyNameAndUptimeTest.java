package dev.trellis.interfaces.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FriendlyNameAndUptimeTest {

  @Test
  void friendlyNamesAreAdjectiveNounNumber() {
    Random random = new Random(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String name = FriendlyName.generate(random);
      assertThat(name).matches("[a-z]+-[a-z]+-[1-9][0-9]{0,3}");
      int number = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
      assertThat(number).isBetween(1, 9999);
      seen.add(name);
    }
    assertThat(seen.size()).isGreaterThan(9_000);
    assertThat(FriendlyName.generate(new Random(7)))
        .isEqualTo(FriendlyName.generate(new Random(7)));
  }

  @Test
  void uptimeReadsLikeOtps() {
    assertThat(Uptime.human(0)).isEqualTo("0 seconds");
    assertThat(Uptime.human(1)).isEqualTo("1 second");
    assertThat(Uptime.human(6714)).isEqualTo("1 hour, 51 minutes, 54 seconds");
    assertThat(Uptime.human(Duration.ofDays(15).plusSeconds(3)))
        .isEqualTo("2 weeks, 1 day, 3 seconds");
    assertThat(Uptime.human(Duration.ofDays(400))).isEqualTo("1 year, 1 month, 5 days");
  }
}
