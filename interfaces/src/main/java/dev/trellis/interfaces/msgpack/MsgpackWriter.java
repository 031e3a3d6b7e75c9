package dev.trellis.interfaces.msgpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes msgpack as the Rust encoders of wasmCloud do (spec §2.1): structs as maps keyed by fixed
 * field names, strings as str (UTF-8), byte fields as bin, integers in their smallest encoding.
 * Maps of strings are written in key order so that output is deterministic. Not thread-safe.
 *
 * <pre>{@code
 * byte[] out = new MsgpackWriter().mapHeader(1).key("healthy").bool(true).toByteArray();
 * }</pre>
 */
public final class MsgpackWriter {
  /** The buffer a writer starts with when no size is expected: most records are small. */
  static final int SMALL_BUFFER = 256;

  private final MessageBufferPacker packer;

  public MsgpackWriter() {
    this(SMALL_BUFFER);
  }

  /**
   * A writer whose buffer starts at {@code expectedBytes}, so that output of about that size is
   * written without growing it (msgpack-java would start every writer at 8 KiB).
   */
  public MsgpackWriter(int expectedBytes) {
    this.packer =
        MessagePack.DEFAULT_PACKER_CONFIG
            .withBufferSize(Math.max(SMALL_BUFFER, expectedBytes))
            .newBufferPacker();
  }

  /** Starts a map of {@code entries} key/value pairs. */
  public MsgpackWriter mapHeader(int entries) {
    try {
      packer.packMapHeader(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Starts an array of {@code size} elements. */
  public MsgpackWriter arrayHeader(int size) {
    try {
      packer.packArrayHeader(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A map key (a str). */
  public MsgpackWriter key(String key) {
    return string(key);
  }

  /** A str holding the UTF-8 bytes of {@code value}. */
  public MsgpackWriter string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    try {
      packer.packRawStringHeader(utf8.length);
      packer.writePayload(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A bin holding {@code value}. */
  public MsgpackWriter bytes(byte[] value) {
    try {
      packer.packBinaryHeader(value.length);
      packer.writePayload(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** An integer in its smallest encoding (positive values as uint, as rmp does). */
  public MsgpackWriter integer(long value) {
    try {
      packer.packLong(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public MsgpackWriter bool(boolean value) {
    try {
      packer.packBoolean(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public MsgpackWriter nil() {
    try {
      packer.packNil();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A map of string to string, in key order. */
  public MsgpackWriter stringMap(Map<String, String> map) {
    mapHeader(map.size());
    new TreeMap<>(map).forEach((k, v) -> string(k).string(v));
    return this;
  }

  /** A map of string to array of strings (an HTTP header map), in key order. */
  public MsgpackWriter headerMap(Map<String, List<String>> map) {
    mapHeader(map.size());
    new TreeMap<>(map).forEach((k, v) -> string(k).stringList(v));
    return this;
  }

  /** An array of strings. */
  public MsgpackWriter stringList(List<String> values) {
    arrayHeader(values.size());
    values.forEach(this::string);
    return this;
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return packer.toByteArray();
  }
}
