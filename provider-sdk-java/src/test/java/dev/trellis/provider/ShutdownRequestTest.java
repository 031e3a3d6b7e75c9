package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.provider.ShutdownRequest.Decision;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShutdownRequestTest {
  private static final String HOST = "NBLRZTESTHOSTID";

  @Test
  void actsOnlyForThisHostOrWhenNoHostIsNamed() {
    assertThat(decide("{\"host_id\":\"" + HOST + "\"}")).isEqualTo(Decision.MATCHES);
    assertThat(decide("{\"host_id\":\"NOTHER\"}")).isEqualTo(Decision.OTHER_HOST);
    assertThat(decide("")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("{}")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("{\"host_id\":\"\"}")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("{\"host_id\":null}")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("{\"host_id\":42}")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("not json")).isEqualTo(Decision.UNADDRESSED);
    assertThat(decide("[1,2]")).isEqualTo(Decision.UNADDRESSED);
  }

  private static Decision decide(String body) {
    return ShutdownRequest.decide(body.getBytes(StandardCharsets.UTF_8), HOST);
  }
}
