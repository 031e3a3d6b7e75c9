package dev.trellis.interfaces.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.GoldenVectors;
import dev.trellis.interfaces.RawMsgpack;
import org.junit.jupiter.api.Test;

class HealthCheckCodecTest {

  @Test
  void requestIsThePlaceholderMap() {
    assertThat(GoldenVectors.hex(HealthCheckCodec.encodeRequest(new HealthCheckRequest())))
        .isEqualTo("81ab706c616365686f6c646572c3");
  }

  @Test
  void requestBodyIsIgnored() {
    assertThat(HealthCheckCodec.decodeRequest(new byte[0])).isEqualTo(new HealthCheckRequest());
    assertThat(HealthCheckCodec.decodeRequest(new RawMsgpack().map(0).build()))
        .isEqualTo(new HealthCheckRequest());
    assertThat(
            HealthCheckCodec.decodeRequest(
                new RawMsgpack().map(1).str("anything").array(1).nil().build()))
        .isEqualTo(new HealthCheckRequest());
    assertThatThrownBy(() -> HealthCheckCodec.decodeRequest(new RawMsgpack().str("x").build()))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode HealthCheckRequest: expected a map, found string");
  }

  @Test
  void responseMessageIsOptional() {
    HealthCheckResponse sick = new HealthCheckResponse(false, "disk full");
    assertThat(HealthCheckCodec.decodeResponse(HealthCheckCodec.encodeResponse(sick)))
        .isEqualTo(sick);
    assertThat(GoldenVectors.hex(HealthCheckCodec.encodeResponse(HealthCheckResponse.ok())))
        .isEqualTo("81a76865616c746879c3");
  }

  @Test
  void absentHealthyMeansUnhealthy() {
    assertThat(HealthCheckCodec.decodeResponse(new RawMsgpack().map(0).build()).healthy())
        .isFalse();
    assertThat(
            HealthCheckCodec.decodeResponse(new RawMsgpack().map(1).str("healthy").nil().build()))
        .isEqualTo(new HealthCheckResponse(false, null));
  }
}
