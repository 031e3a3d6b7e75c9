package dev.trellis.interfaces.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.RawMsgpack;
import org.junit.jupiter.api.Test;

class InvocationResponseCodecTest {

  @Test
  void successNeverCarriesAnErrorKey() {
    byte[] bytes = InvocationResponseCodec.encode(InvocationResponse.success("id", new byte[] {1}));
    assertThat(bytes[0] & 0xff).isEqualTo(0x83);
    InvocationResponse back = InvocationResponseCodec.decode(bytes);
    assertThat(back.isSuccess()).isTrue();
    assertThat(back.msg()).containsExactly(1);
  }

  @Test
  void writesContentLengthEvenWhenTheRecordHasNone() {
    byte[] bytes =
        InvocationResponseCodec.encode(new InvocationResponse(new byte[] {1, 2}, "id", null, null));
    assertThat(InvocationResponseCodec.decode(bytes).contentLength()).isEqualTo(2L);
  }

  @Test
  void anEmptyErrorStringIsAFailure() {
    byte[] bytes =
        new RawMsgpack()
            .map(3)
            .str("msg")
            .bin(new byte[0])
            .str("invocation_id")
            .str("id")
            .str("error")
            .str("")
            .build();
    InvocationResponse r = InvocationResponseCodec.decode(bytes);
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errorText()).contains("");
  }

  @Test
  void aNilErrorIsSuccess() {
    byte[] bytes =
        new RawMsgpack().map(2).str("invocation_id").str("id").str("error").nil().build();
    InvocationResponse r = InvocationResponseCodec.decode(bytes);
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.msg()).isEmpty();
  }

  @Test
  void acceptsOtpStrMsgAndExtraKeys() {
    byte[] bytes =
        new RawMsgpack()
            .map(3)
            .str("msg")
            .strOf(new byte[] {(byte) 0x83, (byte) 0xff})
            .str("instance_id")
            .str("f00")
            .str("content_length")
            .u16(2)
            .build();
    InvocationResponse r = InvocationResponseCodec.decode(bytes);
    assertThat(r.msg()).containsExactly(0x83, 0xff);
    assertThat(r.invocationId()).isEmpty();
    assertThat(r.contentLength()).isEqualTo(2L);
  }

  @Test
  void namesTheTypeInErrors() {
    assertThatThrownBy(() -> InvocationResponseCodec.decode(new RawMsgpack().str("x").build()))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode InvocationResponse: expected a map, found string");
    assertThatThrownBy(
            () ->
                InvocationResponseCodec.decode(
                    new RawMsgpack().map(1).str("error").fixint(1).build()))
        .hasMessage(
            "failed to decode InvocationResponse: field 'error' must be a string, found integer");
  }
}
