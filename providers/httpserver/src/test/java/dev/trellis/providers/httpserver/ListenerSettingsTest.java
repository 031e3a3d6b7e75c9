package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.provider.LinkValueException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {

  @Test
  void defaultsAreWasmCloudsLoopbackPort8000And10MiB() {
    ListenerSettings settings = ListenerSettings.fromLinkValues(Map.of());

    assertThat(settings.address()).isEqualTo(new InetSocketAddress("127.0.0.1", 8000));
    assertThat(settings.maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(settings.timeout()).isNull();
  }

  @Test
  void addressTakesHostAndPortIncludingIpv6() {
    assertThat(ListenerSettings.fromLinkValues(Map.of("ADDRESS", "0.0.0.0:8080")).address())
        .isEqualTo(new InetSocketAddress("0.0.0.0", 8080));
    assertThat(ListenerSettings.fromLinkValues(Map.of("address", "[::1]:9090")).address())
        .isEqualTo(new InetSocketAddress("::1", 9090));
  }

  @Test
  void portListensOnLoopbackAndWinsOverAddressAsInWasmCloud() {
    assertThat(
            ListenerSettings.fromLinkValues(Map.of("PORT", "8081", "ADDRESS", "0.0.0.0:1"))
                .address())
        .isEqualTo(new InetSocketAddress("127.0.0.1", 8081));
  }

  @Test
  void limitsAndTimeout() {
    ListenerSettings settings =
        ListenerSettings.fromLinkValues(Map.of("MAX_BODY_BYTES", "1234", "timeout_ms", "250"));

    assertThat(settings.maxBodyBytes()).isEqualTo(1234);
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void maxContentLenTakesWasmCloudsSuffixes() {
    assertThat(ListenerSettings.fromLinkValues(Map.of("max_content_len", "5k")).maxBodyBytes())
        .isEqualTo(5 * 1024);
    assertThat(ListenerSettings.fromLinkValues(Map.of("MAX_CONTENT_LEN", "2M")).maxBodyBytes())
        .isEqualTo(2 * 1024 * 1024);
    assertThat(ListenerSettings.fromLinkValues(Map.of("MAX_CONTENT_LEN", "500")).maxBodyBytes())
        .isEqualTo(500);
    assertThatThrownBy(() -> ListenerSettings.fromLinkValues(Map.of("MAX_CONTENT_LEN", "1g")))
        .isInstanceOf(LinkValueException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () -> ListenerSettings.fromLinkValues(Map.of("MAX_CONTENT_LEN", "99999999999999g")))
        .isInstanceOf(LinkValueException.class);
  }

  @Test
  void malformedValuesSayWhatIsWrong() {
    assertThatThrownBy(() -> ListenerSettings.fromLinkValues(Map.of("ADDRESS", "8080")))
        .isInstanceOf(LinkValueException.class)
        .hasMessage(
            "failed to read link value ADDRESS: '8080' is not host:port; write it like"
                + " 0.0.0.0:8080 or [::1]:8080");
    assertThatThrownBy(() -> ListenerSettings.fromLinkValues(Map.of("PORT", "70000")))
        .hasMessage("failed to read link value PORT: port 70000 is not in 0..65535");
    assertThatThrownBy(() -> ListenerSettings.fromLinkValues(Map.of("TIMEOUT_MS", "soon")))
        .hasMessage("failed to read link value TIMEOUT_MS: 'soon' is not a whole number");
    assertThatThrownBy(
            () -> ListenerSettings.fromLinkValues(Map.of("ADDRESS", "no.such.host.invalid:80")))
        .hasMessageContaining("does not resolve");
  }

  @Test
  void namesDifferingOnlyInCaseAreRefused() {
    assertThatThrownBy(() -> ListenerSettings.fromLinkValues(Map.of("PORT", "1", "port", "2")))
        .isInstanceOf(LinkValueException.class)
        .hasMessageContaining("name the same setting");
  }
}
