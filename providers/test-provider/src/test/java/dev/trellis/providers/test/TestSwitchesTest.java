package dev.trellis.providers.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSwitchesTest {
  @Test
  void defaultsAreAWellBehavedTrellisTestProvider() {
    assertThat(TestSwitches.defaults())
        .isEqualTo(new TestSwitches("trellis:test", false, null, 3, false, false, 0, false));
  }

  @Test
  void readsEverySwitch() {
    TestSwitches switches =
        TestSwitches.fromEnv(
            Map.of(
                "TEST_PROVIDER_CONTRACT", "wasmcloud:keyvalue",
                "TEST_PROVIDER_CRASH_ON_START", "1",
                "TEST_PROVIDER_CRASH_AFTER_MS", "250",
                "TEST_PROVIDER_EXIT_CODE", "9",
                "TEST_PROVIDER_HANG", "TRUE",
                "TEST_PROVIDER_UNHEALTHY", "true",
                "TEST_PROVIDER_HEALTH_DELAY_MS", "40",
                "TEST_PROVIDER_HANG_ON_SHUTDOWN", "yes"));

    assertThat(switches)
        .isEqualTo(new TestSwitches("wasmcloud:keyvalue", true, 250L, 9, true, true, 40, false));
  }

  @Test
  void badNumbersNameTheVariable() {
    assertThatThrownBy(() -> TestSwitches.fromEnv(Map.of("TEST_PROVIDER_CRASH_AFTER_MS", "soon")))
        .hasMessage("TEST_PROVIDER_CRASH_AFTER_MS=soon is not a whole number");
  }
}
