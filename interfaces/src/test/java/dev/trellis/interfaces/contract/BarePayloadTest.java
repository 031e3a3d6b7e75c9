package dev.trellis.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.GoldenVectors;
import dev.trellis.interfaces.RawMsgpack;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarePayloadTest {

  @Test
  void roundTripsEachBareType() {
    assertThat(BarePayload.decodeString(BarePayload.encodeString("mykey"), KeyValue.GET))
        .isEqualTo("mykey");
    assertThat(GoldenVectors.hex(BarePayload.encodeString("mykey"))).isEqualTo("a56d796b6579");
    assertThat(BarePayload.decodeBool(BarePayload.encodeBool(true), KeyValue.DEL)).isTrue();
    assertThat(BarePayload.decodeU32(BarePayload.encodeU32(4_294_967_295L), "u32"))
        .isEqualTo(4_294_967_295L);
    assertThat(BarePayload.decodeI32(BarePayload.encodeI32(-7), KeyValue.INCREMENT)).isEqualTo(-7);
    assertThat(
            BarePayload.decodeStringList(
                BarePayload.encodeStringList(List.of("a", "b")), KeyValue.SET_UNION))
        .containsExactly("a", "b");
    assertThat(BarePayload.decodeStringList(new byte[] {(byte) 0x90}, "x")).isEmpty();
  }

  @Test
  void acceptsAnyIntegerWidth() {
    assertThat(BarePayload.decodeI32(new RawMsgpack().i64(-2).build(), "x")).isEqualTo(-2);
    assertThat(BarePayload.decodeU32(new RawMsgpack().u64(9).build(), "x")).isEqualTo(9);
  }

  @Test
  void namesTheOperationInErrors() {
    assertThatThrownBy(
            () -> BarePayload.decodeString(new RawMsgpack().map(0).build(), KeyValue.GET))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode KeyValue.Get: expected a string, found map");
    assertThatThrownBy(() -> BarePayload.decodeBool(new byte[] {(byte) 0xc0}, KeyValue.DEL))
        .hasMessage("failed to decode KeyValue.Del: expected a boolean, found nil");
    assertThatThrownBy(() -> BarePayload.decodeI32(new RawMsgpack().u32(1L << 31).build(), "x"))
        .hasMessageContaining("is out of range: 2147483648");
    assertThatThrownBy(() -> BarePayload.decodeString(new byte[0], KeyValue.GET))
        .hasMessage("failed to decode KeyValue.Get: the payload is empty");
  }
}
