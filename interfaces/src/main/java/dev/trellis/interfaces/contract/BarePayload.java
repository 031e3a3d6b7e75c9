package dev.trellis.interfaces.contract;

import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.util.List;

/**
 * Payloads that are a bare msgpack value rather than a struct (spec §9.0): a string (e.g. the key
 * of {@code KeyValue.Get}, {@code a5 6d796b6579}), a boolean, a {@code U32} or {@code I32}, an
 * array of strings. Decoders apply the format detection of spec §9.8 and refuse nil.
 *
 * <p>The {@code what} argument names the payload in error messages, e.g. {@code KeyValue.Get}.
 */
public final class BarePayload {
  private BarePayload() {}

  public static byte[] encodeString(String value) {
    return new MsgpackWriter().string(value).toByteArray();
  }

  /**
   * A bare string.
   *
   * @throws DecodeException if the payload is not one
   */
  public static String decodeString(byte[] payload, String what) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, what);
    return required(r, r.readString(null), "a string");
  }

  public static byte[] encodeBool(boolean value) {
    return new MsgpackWriter().bool(value).toByteArray();
  }

  /**
   * A bare boolean.
   *
   * @throws DecodeException if the payload is not one
   */
  public static boolean decodeBool(byte[] payload, String what) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, what);
    return required(r, r.readBool(null), "a boolean");
  }

  /** A {@code U32} (0 to 4294967295). */
  public static byte[] encodeU32(long value) {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException("not a U32: " + value);
    }
    return new MsgpackWriter().integer(value).toByteArray();
  }

  /**
   * A bare {@code U32}.
   *
   * @throws DecodeException if the payload is not one
   */
  public static long decodeU32(byte[] payload, String what) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, what);
    return required(r, r.readU32(null), "an integer");
  }

  /** An {@code I32}. */
  public static byte[] encodeI32(int value) {
    return new MsgpackWriter().integer(value).toByteArray();
  }

  /**
   * A bare {@code I32}.
   *
   * @throws DecodeException if the payload is not one
   */
  public static int decodeI32(byte[] payload, String what) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, what);
    return required(r, r.readI32(null), "an integer");
  }

  public static byte[] encodeStringList(List<String> values) {
    return new MsgpackWriter().stringList(values).toByteArray();
  }

  /**
   * A bare array of strings.
   *
   * @throws DecodeException if the payload is not one
   */
  public static List<String> decodeStringList(byte[] payload, String what) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, what);
    return List.copyOf(required(r, r.readStringList(null), "an array"));
  }

  private static <T> T required(MsgpackReader r, T value, String expected) {
    if (value == null) {
      throw r.error(null, "expected " + expected + ", found nil");
    }
    return value;
  }
}
