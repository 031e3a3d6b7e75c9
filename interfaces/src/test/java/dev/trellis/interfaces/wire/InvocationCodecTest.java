package dev.trellis.interfaces.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.RawMsgpack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InvocationCodecTest {
  private static final String ACTOR = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  private static final String PROVIDER = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M";

  /** The fields of a valid invocation, in rpc-rs order; tests replace or add some. */
  private static Map<String, Consumer<RawMsgpack>> fields() {
    Map<String, Consumer<RawMsgpack>> f = new LinkedHashMap<>();
    f.put(
        "origin",
        w ->
            w.map(3)
                .str("public_key")
                .str(PROVIDER)
                .str("contract_id")
                .str("wasmcloud:httpserver")
                .str("link_name")
                .str("default"));
    f.put(
        "target",
        w ->
            w.map(3)
                .str("public_key")
                .str(ACTOR)
                .str("contract_id")
                .str("")
                .str("link_name")
                .str(""));
    f.put("operation", w -> w.str("HttpServer.HandleRequest"));
    f.put("msg", w -> w.bin(new byte[] {1, 2, 3}));
    f.put("id", w -> w.str("id-1"));
    f.put("encoded_claims", w -> w.str("a.b.c"));
    f.put("host_id", w -> w.str("NHOST"));
    f.put("content_length", w -> w.fixint(3));
    return f;
  }

  private static byte[] encode(Map<String, Consumer<RawMsgpack>> fields) {
    RawMsgpack w = new RawMsgpack().map(fields.size());
    fields.forEach(
        (k, v) -> {
          w.str(k);
          v.accept(w);
        });
    return w.build();
  }

  private static byte[] with(String key, Consumer<RawMsgpack> value) {
    Map<String, Consumer<RawMsgpack>> f = fields();
    f.put(key, value);
    return encode(f);
  }

  private static byte[] without(String key) {
    Map<String, Consumer<RawMsgpack>> f = fields();
    f.remove(key);
    return encode(f);
  }

  @Test
  void roundTripsEveryFieldIncludingTraceContext() {
    Invocation inv =
        new Invocation(
            WasmCloudEntity.provider(PROVIDER, "wasmcloud:httpserver", "default"),
            WasmCloudEntity.actor(ACTOR),
            "HttpServer.HandleRequest",
            new byte[] {9, 8, 7},
            "id-1",
            "a.b.c",
            "NHOST",
            3L,
            Map.of("traceparent", "00-abc-def-01"));
    Invocation back = InvocationCodec.decode(InvocationCodec.encode(inv));
    assertThat(back).usingRecursiveComparison().isEqualTo(inv);
  }

  @Test
  void writesTraceContextOnlyWhenSetAndContentLengthAlways() {
    Invocation inv =
        new Invocation(
            WasmCloudEntity.actor(ACTOR),
            WasmCloudEntity.actor(ACTOR),
            "X.Y",
            new byte[] {1},
            "i",
            "",
            "",
            null,
            null);
    byte[] bytes = InvocationCodec.encode(inv);
    assertThat(bytes[0] & 0xff).isEqualTo(0x88);
    assertThat(InvocationCodec.decode(bytes).contentLength()).isEqualTo(1L);
  }

  @Test
  void acceptsMsgAsStrWithNonUtf8Bytes() {
    byte[] raw = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x83};
    Invocation inv = InvocationCodec.decode(with("msg", w -> w.strOf(raw)));
    assertThat(inv.msg()).containsExactly(raw);
  }

  @Test
  void acceptsMsgAsArrayOfIntsAndEmptyArray() {
    assertThat(
            InvocationCodec.decode(with("msg", w -> w.array(3).fixint(1).u8(200).u16(255))).msg())
        .containsExactly(1, (byte) 200, (byte) 255);
    assertThat(InvocationCodec.decode(with("msg", w -> w.array(0))).msg()).isEmpty();
  }

  @Test
  void treatsNilAsAbsent() {
    Invocation inv = InvocationCodec.decode(with("msg", RawMsgpack::nil));
    assertThat(inv.msg()).isEmpty();
    assertThat(InvocationCodec.decode(with("host_id", RawMsgpack::nil)).hostId()).isEmpty();
    assertThat(InvocationCodec.decode(with("content_length", RawMsgpack::nil)).contentLength())
        .isNull();
    assertThat(InvocationCodec.decode(with("traceContext", RawMsgpack::nil)).traceContext())
        .isEmpty();
  }

  @Test
  void defaultsAbsentFieldsAsRpcRsDoes() {
    byte[] bytes =
        encode(
            Map.of(
                "origin", w -> w.map(1).str("public_key").str("system"),
                "target", w -> w.map(1).str("public_key").str(ACTOR)));
    Invocation inv = InvocationCodec.decode(bytes);
    assertThat(inv.origin()).isEqualTo(WasmCloudEntity.actor("system"));
    assertThat(inv.operation()).isEmpty();
    assertThat(inv.msg()).isEmpty();
    assertThat(inv.id()).isEmpty();
    assertThat(inv.encodedClaims()).isEmpty();
    assertThat(inv.contentLength()).isNull();
  }

  @Test
  void acceptsAnyIntegerWidthForContentLength() {
    for (Consumer<RawMsgpack> width :
        java.util.List.<Consumer<RawMsgpack>>of(
            w -> w.fixint(3),
            w -> w.u8(3),
            w -> w.u16(3),
            w -> w.u32(3),
            w -> w.u64(3),
            w -> w.i8(3),
            w -> w.i16(3),
            w -> w.i32(3),
            w -> w.i64(3))) {
      assertThat(InvocationCodec.decode(with("content_length", width)).contentLength())
          .isEqualTo(3L);
    }
    assertThat(InvocationCodec.decode(with("content_length", w -> w.u32(4_000_000_000L))))
        .extracting(Invocation::contentLength)
        .isEqualTo(4_000_000_000L);
  }

  @Test
  void ignoresUnknownKeysOfAnyShape() {
    Map<String, Consumer<RawMsgpack>> f = fields();
    f.put("instance_id", w -> w.str("x"));
    f.put("nested", w -> w.map(2).str("a").array(2).nil().map(0).str("b").bin(new byte[300]));
    f.put("float", w -> w.float64(1.5));
    Invocation inv = InvocationCodec.decode(encode(f));
    assertThat(inv.operation()).isEqualTo("HttpServer.HandleRequest");
    assertThat(inv.msg()).containsExactly(1, 2, 3);
  }

  @Test
  void skipsNonStringKeys() {
    byte[] bytes =
        new RawMsgpack()
            .map(3)
            .fixint(1)
            .str("ignored")
            .str("origin")
            .map(1)
            .str("public_key")
            .str("system")
            .str("target")
            .map(1)
            .str("public_key")
            .str(ACTOR)
            .build();
    assertThat(InvocationCodec.decode(bytes).target().publicKey()).isEqualTo(ACTOR);
  }

  @Test
  void decodesEntitiesInRpcRsKeyOrder() {
    Invocation inv =
        InvocationCodec.decode(
            with(
                "origin",
                w ->
                    w.map(3)
                        .str("public_key")
                        .str(PROVIDER)
                        .str("link_name")
                        .str("default")
                        .str("contract_id")
                        .str("wasmcloud:httpserver")));
    assertThat(inv.origin())
        .isEqualTo(WasmCloudEntity.provider(PROVIDER, "wasmcloud:httpserver", "default"));
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> InvocationCodec.decode(without("origin")))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode Invocation: field 'origin' is missing");
    assertThatThrownBy(() -> InvocationCodec.decode(with("target", RawMsgpack::nil)))
        .hasMessage("failed to decode Invocation: field 'target' is missing");
  }

  @Test
  void namesTheFieldOfWrongType() {
    assertThatThrownBy(() -> InvocationCodec.decode(with("origin", w -> w.str("x"))))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode Invocation: field 'origin' must be a map, found string");
    assertThatThrownBy(
            () -> InvocationCodec.decode(with("target", w -> w.map(1).str("public_key").fixint(7))))
        .hasMessage(
            "failed to decode Invocation: field 'target.public_key' must be a string, found"
                + " integer");
    assertThatThrownBy(() -> InvocationCodec.decode(with("msg", w -> w.bool(true))))
        .hasMessage("failed to decode Invocation: field 'msg' must be bytes, found boolean");
    assertThatThrownBy(() -> InvocationCodec.decode(with("msg", w -> w.array(1).u16(256))))
        .hasMessageContaining("field 'msg' is out of range: 256");
    assertThatThrownBy(() -> InvocationCodec.decode(with("content_length", w -> w.i8(-1))))
        .hasMessageContaining("field 'content_length' is out of range");
    assertThatThrownBy(() -> InvocationCodec.decode(with("content_length", w -> w.u64(-1L))))
        .hasMessageContaining("field 'content_length' is out of range");
  }

  @Test
  void refusesInvalidUtf8InStrings() {
    assertThatThrownBy(
            () -> InvocationCodec.decode(with("operation", w -> w.strOf(new byte[] {(byte) 0xc3}))))
        .hasMessage("failed to decode Invocation: field 'operation' is not valid UTF-8");
  }

  @Test
  void turnsMalformedInputIntoDecodeException() {
    assertThatThrownBy(() -> InvocationCodec.decode(new byte[0]))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode Invocation: input ends early");
    assertThatThrownBy(() -> InvocationCodec.decode(new RawMsgpack().array(0).build()))
        .hasMessage("failed to decode Invocation: expected a map, found array");
    assertThatThrownBy(() -> InvocationCodec.decode(new RawMsgpack().nil().build()))
        .hasMessage("failed to decode Invocation: expected a map, found nil");
    byte[] full = InvocationCodec.encode(InvocationCodec.decode(encode(fields())));
    byte[] truncated = java.util.Arrays.copyOf(full, full.length - 2);
    assertThatThrownBy(() -> InvocationCodec.decode(truncated))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "failed to decode Invocation: a map key declares 14 bytes but only 13 bytes remain");
    byte[] cut = java.util.Arrays.copyOf(full, 40);
    assertThatThrownBy(() -> InvocationCodec.decode(cut))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("field 'origin.public_key' declares 56 items or bytes");
  }

  @Test
  void refusesDeclaredLengthsLargerThanTheInputWithoutAllocating() {
    byte[] hugeBin = with("msg", w -> w.raw(0xc6).bytes(new byte[] {0x7f, -1, -1, -1}));
    assertThatThrownBy(() -> InvocationCodec.decode(hugeBin))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("field 'msg' declares 2147483647 items or bytes");
    byte[] hugeMap = new RawMsgpack().raw(0xdf).bytes(new byte[] {0x7f, -1, -1, -1}).build();
    assertThatThrownBy(() -> InvocationCodec.decode(hugeMap)).isInstanceOf(DecodeException.class);
    byte[] hugeUnknown = with("zzz", w -> w.raw(0xdd).bytes(new byte[] {-1, -1, -1, -1}).fixint(1));
    assertThatThrownBy(() -> InvocationCodec.decode(hugeUnknown))
        .isInstanceOf(DecodeException.class);
  }
}
