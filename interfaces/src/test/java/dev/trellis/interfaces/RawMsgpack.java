package dev.trellis.interfaces;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written msgpack for tests that need encodings the codec never produces (a given int width,
 * str for bytes, nil fields). Independent of the code under test.
 */
public final class RawMsgpack {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public RawMsgpack map(int n) {
    if (n < 16) {
      return raw(0x80 | n);
    }
    return raw(0xde).be(n, 2);
  }

  public RawMsgpack array(int n) {
    if (n < 16) {
      return raw(0x90 | n);
    }
    return raw(0xdc).be(n, 2);
  }

  public RawMsgpack str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return strHeader(b.length).bytes(b);
  }

  /** A str holding arbitrary bytes (as Elixir's Msgpax writes binaries). */
  public RawMsgpack strOf(byte[] b) {
    return strHeader(b.length).bytes(b);
  }

  public RawMsgpack bin(byte[] b) {
    if (b.length < 256) {
      raw(0xc4).raw(b.length);
    } else {
      raw(0xc5).be(b.length, 2);
    }
    return bytes(b);
  }

  public RawMsgpack nil() {
    return raw(0xc0);
  }

  public RawMsgpack bool(boolean v) {
    return raw(v ? 0xc3 : 0xc2);
  }

  public RawMsgpack fixint(int v) {
    return raw(v & 0xff);
  }

  public RawMsgpack u8(int v) {
    return raw(0xcc).be(v, 1);
  }

  public RawMsgpack u16(int v) {
    return raw(0xcd).be(v, 2);
  }

  public RawMsgpack u32(long v) {
    return raw(0xce).be(v, 4);
  }

  public RawMsgpack u64(long v) {
    return raw(0xcf).be(v, 8);
  }

  public RawMsgpack i8(int v) {
    return raw(0xd0).be(v, 1);
  }

  public RawMsgpack i16(int v) {
    return raw(0xd1).be(v, 2);
  }

  public RawMsgpack i32(int v) {
    return raw(0xd2).be(v, 4);
  }

  public RawMsgpack i64(long v) {
    return raw(0xd3).be(v, 8);
  }

  public RawMsgpack float64(double v) {
    return raw(0xcb).be(Double.doubleToLongBits(v), 8);
  }

  public RawMsgpack raw(int b) {
    out.write(b);
    return this;
  }

  public RawMsgpack bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  public byte[] build() {
    return out.toByteArray();
  }

  private RawMsgpack strHeader(int n) {
    if (n < 32) {
      return raw(0xa0 | n);
    }
    if (n < 256) {
      return raw(0xd9).raw(n);
    }
    return raw(0xda).be(n, 2);
  }

  private RawMsgpack be(long v, int width) {
    for (int i = width - 1; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
    return this;
  }
}
