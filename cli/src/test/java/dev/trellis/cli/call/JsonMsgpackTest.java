package dev.trellis.cli.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.cli.CliException;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JsonMsgpackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void encodesEveryJsonKindAsTheMatchingMsgpackType() throws Exception {
    byte[] bytes =
        JsonMsgpack.encode(
            json(
                "{\"s\":\"a\",\"i\":-1,\"f\":1.5,\"t\":true,\"n\":null,\"l\":[1,\"@base64:AAE=\"]}"));

    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "86"
                + "a173"
                + "a161"
                + "a169"
                + "ff"
                + "a166"
                + "cb3ff8000000000000"
                + "a174"
                + "c3"
                + "a16e"
                + "c0"
                + "a16c"
                + "92"
                + "01"
                + "c4020001");
  }

  @Test
  void roundTripsThroughMsgpack() throws Exception {
    JsonNode value =
        json("{\"k\":[1,2,{\"x\":\"y\"}],\"big\":18446744073709551615,\"neg\":-9000000000}");

    assertThat(JsonMsgpack.decode(JsonMsgpack.encode(value)).orElseThrow().toString())
        .isEqualTo(value.toString());
  }

  @Test
  void decodesBinAsTextWhenItIsUtf8ElseBase64() {
    byte[] text = new MsgpackWriter().bytes("héllo".getBytes(StandardCharsets.UTF_8)).toByteArray();
    byte[] binary = new MsgpackWriter().bytes(new byte[] {(byte) 0xff, 0}).toByteArray();

    assertThat(JsonMsgpack.decode(text).orElseThrow().asText()).isEqualTo("héllo");
    assertThat(JsonMsgpack.decode(binary).orElseThrow().asText()).isEqualTo("@base64:/wA=");
  }

  @Test
  void bytesThatAreNotOneMsgpackValueAreNotDecoded() {
    assertThat(JsonMsgpack.decode("pong".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(JsonMsgpack.decode(new byte[0])).isEmpty();
  }

  @Test
  void refusesNumbersMsgpackCannotHoldAndBadBase64() throws Exception {
    assertThatThrownBy(() -> JsonMsgpack.encode(json("{\"n\":18446744073709551616}")))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("$.n = 18446744073709551616 does not fit in 64 bits");
    assertThatThrownBy(() -> JsonMsgpack.encode(json("[\"@base64:!!\"]")))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("$[0] starts with @base64: but is not base64");
  }
}
