package dev.trellis.interfaces.contract.numbergen;

import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of {@link RangeLimit} (spec §9.5: {@code {min:1,max:100}} = {@code 82 a3 6d696e
 * 01 a3 6d6178 64}).
 */
public final class NumberGenCodec {
  private NumberGenCodec() {}

  public static byte[] encodeRangeLimit(RangeLimit v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("min")
        .integer(v.min())
        .key("max")
        .integer(v.max())
        .toByteArray();
  }

  /**
   * Absent bounds decode as 0.
   *
   * @throws DecodeException for a malformed payload
   */
  public static RangeLimit decodeRangeLimit(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "RangeLimit");
    Long min = null;
    Long max = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "min" -> min = r.readU32("min");
        case "max" -> max = r.readU32("max");
        default -> r.skipValue();
      }
    }
    return new RangeLimit(min == null ? 0 : min, max == null ? 0 : max);
  }
}
