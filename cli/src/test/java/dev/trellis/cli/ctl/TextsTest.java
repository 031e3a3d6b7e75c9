package dev.trellis.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void durationsShowTheTwoLargestUnits() {
    assertThat(Texts.duration(0)).isEqualTo("0 seconds");
    assertThat(Texts.duration(1)).isEqualTo("1 second");
    assertThat(Texts.duration(61)).isEqualTo("1 minute, 1 second");
    assertThat(Texts.duration(3_600 * 25 + 120)).isEqualTo("1 day, 1 hour");
  }

  @Test
  void labelsSortWithCoreLabelsLast() {
    assertThat(Texts.pairs(Map.of("hostcore.os", "linux", "zone", "east", "app", "x")))
        .isEqualTo("app=x, zone=east, hostcore.os=linux");
  }
}
