package dev.trellis.providers.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.provider.LinkValueException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

  @Test
  void defaultsAre30SecondsAnd10MiB() {
    assertThat(ClientSettings.fromLinkValues(Map.of()))
        .isEqualTo(new ClientSettings(Duration.ofSeconds(30), 10 * 1024 * 1024))
        .isEqualTo(ClientSettings.defaults());
  }

  @Test
  void namesIgnoreCase() {
    assertThat(ClientSettings.fromLinkValues(Map.of("timeout_ms", "250", "Max_Body_Bytes", "7")))
        .isEqualTo(new ClientSettings(Duration.ofMillis(250), 7));
  }

  @Test
  void malformedValuesAreRefused() {
    assertThatThrownBy(() -> ClientSettings.fromLinkValues(Map.of("TIMEOUT_MS", "0")))
        .isInstanceOf(LinkValueException.class)
        .hasMessage(
            "failed to read link value TIMEOUT_MS: 0 is out of range; give a value from 1 to"
                + " 3600000");
    assertThatThrownBy(() -> ClientSettings.fromLinkValues(Map.of("MAX_BODY_BYTES", "lots")))
        .hasMessage("failed to read link value MAX_BODY_BYTES: 'lots' is not a whole number");
    assertThatThrownBy(
            () -> ClientSettings.fromLinkValues(Map.of("TIMEOUT_MS", "1", "timeout_ms", "2")))
        .hasMessageContaining("name the same setting");
  }
}
