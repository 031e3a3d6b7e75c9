package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkValuesTest {

  @Test
  void namesIgnoreCaseAndValuesAreStripped() {
    LinkValues values = LinkValues.of(Map.of("Timeout_MS", " 250 ", "url", "nats://x"));

    assertThat(values.get("TIMEOUT_MS")).contains("250");
    assertThat(values.get("URL")).contains("nats://x");
    assertThat(values.number("timeout_ms", 5, 1, 1000)).isEqualTo(250);
  }

  @Test
  void blankOrMissingValuesAreUnset() {
    LinkValues values = LinkValues.of(Map.of("URL", "  "));

    assertThat(values.get("URL")).isEmpty();
    assertThat(values.get("OTHER")).isEmpty();
    assertThat(values.number("URL", 7, 1, 10)).isEqualTo(7);
  }

  @Test
  void twoNamesForOneSettingAreRefused() {
    assertThatThrownBy(() -> LinkValues.of(Map.of("PORT", "1", "port", "2")))
        .isInstanceOf(LinkValueException.class)
        .hasMessageStartingWith("failed to read link values: '")
        .hasMessageEndingWith("name the same setting (names ignore case); keep one");
  }

  @Test
  void numbersMustBeWholeAndInRange() {
    LinkValues values = LinkValues.of(Map.of("TIMEOUT_MS", "soon", "MAX", "0"));

    assertThatThrownBy(() -> values.number("TIMEOUT_MS", 1, 1, 10))
        .isInstanceOf(LinkValueException.class)
        .hasMessage("failed to read link value TIMEOUT_MS: 'soon' is not a whole number");
    assertThatThrownBy(() -> values.number("MAX", 1, 1, 10))
        .isInstanceOf(LinkValueException.class)
        .hasMessage("failed to read link value MAX: 0 is out of range; give a value from 1 to 10");
  }
}
