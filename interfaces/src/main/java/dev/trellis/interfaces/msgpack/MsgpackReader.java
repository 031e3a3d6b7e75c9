package dev.trellis.interfaces.msgpack;

import dev.trellis.interfaces.DecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessageIntegerOverflowException;
import org.msgpack.core.MessageNeverUsedFormatException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * A tolerant, bounded msgpack reader for wire records (spec dataplane §2.1). Codecs read a map with
 * {@link #enterMap}, loop over {@link #readKey()} and read each known field with a typed method;
 * unknown keys are skipped with {@link #skipValue()}.
 *
 * <p>Rules: every typed read returns {@code null} for msgpack nil, so absent and nil mean the same;
 * byte fields accept bin, str (raw bytes, any content) and arrays of ints 0–255; integer fields
 * accept any int width and check the range; string fields must hold valid UTF-8 (str, or bin as
 * serde accepts it). No declared length is trusted: a str, bin, array or map header that claims
 * more than the remaining input fails before anything is allocated. Every malformed input becomes a
 * {@link DecodeException} naming the type and the field path ({@code origin.public_key}).
 *
 * <p>Trailing bytes after the top-level value are ignored, as rmp-serde does. Not thread-safe: one
 * reader per payload.
 */
public final class MsgpackReader {
  /** Returned by header reads when the value is nil (the field is absent). */
  public static final int NIL = -1;

  private final String type;
  private final MessageUnpacker unpacker;
  private final int length;
  private final ArrayDeque<String> path = new ArrayDeque<>();

  private MsgpackReader(byte[] bytes, int offset, String type) {
    this.type = type;
    this.length = bytes.length - offset;
    this.unpacker = MessagePack.newDefaultUnpacker(bytes, offset, length);
  }

  /**
   * A reader over the whole of {@code bytes}.
   *
   * @param type what is decoded, used in error messages, e.g. {@code Invocation}
   */
  public static MsgpackReader of(byte[] bytes, String type) {
    return new MsgpackReader(bytes, 0, type);
  }

  /**
   * A reader over an interface payload, after the format detection of spec §9.8: an empty payload
   * is refused; a {@code 0xc1} prefix means msgpack from offset 1; a {@code 0x7f} prefix means
   * CBOR, which Trellis does not decode (it refuses it with a clear message; the senders of the
   * CBOR era also accept msgpack); a reserved first byte is refused.
   */
  public static MsgpackReader ofPayload(byte[] payload, String type) {
    return switch (PayloadFormat.detect(payload)) {
      case EMPTY -> throw new DecodeException(type, "the payload is empty");
      case CBOR ->
          throw new DecodeException(
              type, "CBOR payloads are not supported (prefix 0x7f); send msgpack instead");
      case INVALID ->
          throw new DecodeException(
              type,
              String.format("payload starts with the reserved byte 0x%02x", payload[0] & 0xff));
      case MSGPACK -> new MsgpackReader(payload, PayloadFormat.bodyOffset(payload), type);
    };
  }

  /** What is decoded, as given to the factory. */
  public String type() {
    return type;
  }

  /** Bytes not yet consumed. */
  public int remaining() {
    return (int) (length - unpacker.getTotalReadBytes());
  }

  /**
   * Reads a map header and enters the map: errors inside name fields as {@code field.key}. Pair
   * with {@link #exitMap()}.
   *
   * @param field the field holding the map, or {@code null} for the value itself (top level)
   * @return the number of entries, or {@link #NIL} when the value is nil (nothing to exit)
   */
  public int enterMap(String field) {
    return guard(
        field,
        () -> {
          ValueType t = peek(field);
          if (t == ValueType.NIL) {
            unpacker.unpackNil();
            return NIL;
          }
          if (t != ValueType.MAP) {
            throw mismatch(field, "a map", t);
          }
          int n = unpacker.unpackMapHeader();
          checkDeclared(field, n, 2);
          path.addLast(field == null ? "" : field);
          return n;
        });
  }

  /**
   * Enters the top-level map of a struct payload; nil or any other type is an error.
   *
   * @return the number of entries
   */
  public int enterRootMap() {
    int n = enterMap(null);
    if (n == NIL) {
      throw new DecodeException(type, "expected a map, found nil");
    }
    return n;
  }

  /** Leaves the map entered last. */
  public void exitMap() {
    path.removeLast();
  }

  /**
   * Reads a map key. Returns {@code ""} for a key that is not a string (after skipping it), so the
   * caller's {@code default} branch skips its value; invalid UTF-8 in a key cannot match any field
   * name and is decoded leniently.
   */
  public String readKey() {
    return guard(
        null,
        () -> {
          if (peek(null) != ValueType.STRING) {
            skipOne();
            return "";
          }
          int n = unpacker.unpackRawStringHeader();
          checkKeyLength(n);
          return new String(unpacker.readPayload(n), StandardCharsets.UTF_8);
        });
  }

  /** A UTF-8 string (str, or bin holding valid UTF-8), or {@code null} for nil. */
  public String readString(String field) {
    return guard(field, () -> readStringValue(field));
  }

  /** Raw bytes from bin, str or an array of ints 0–255 (empty array = empty bytes), or null. */
  public byte[] readBytes(String field) {
    return guard(
        field,
        () -> {
          ValueType t = peek(field);
          switch (t) {
            case NIL:
              unpacker.unpackNil();
              return null;
            case BINARY:
              return readPayload(field, unpacker.unpackBinaryHeader());
            case STRING:
              return readPayload(field, unpacker.unpackRawStringHeader());
            case ARRAY:
              int n = unpacker.unpackArrayHeader();
              checkDeclared(field, n, 1);
              byte[] out = new byte[n];
              for (int i = 0; i < n; i++) {
                out[i] = (byte) readIntegerValue(field, 0, 255);
              }
              return out;
            default:
              throw mismatch(field, "bytes", t);
          }
        });
  }

  /** A boolean, or {@code null} for nil. */
  public Boolean readBool(String field) {
    return guard(
        field,
        () -> {
          ValueType t = peek(field);
          if (t == ValueType.NIL) {
            unpacker.unpackNil();
            return null;
          }
          if (t != ValueType.BOOLEAN) {
            throw mismatch(field, "a boolean", t);
          }
          return unpacker.unpackBoolean();
        });
  }

  /** An integer of any msgpack width within {@code [min, max]}, or {@code null} for nil. */
  public Long readInteger(String field, long min, long max) {
    return guard(
        field,
        () -> {
          if (peek(field) == ValueType.NIL) {
            unpacker.unpackNil();
            return null;
          }
          return readIntegerValue(field, min, max);
        });
  }

  /** A Smithy {@code I32}, or null. */
  public Integer readI32(String field) {
    Long v = readInteger(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return v == null ? null : v.intValue();
  }

  /** A Smithy {@code U16}, or null. */
  public Integer readU16(String field) {
    Long v = readInteger(field, 0, 0xffff);
    return v == null ? null : v.intValue();
  }

  /** A Smithy {@code U32} (held in a long), or null. */
  public Long readU32(String field) {
    return readInteger(field, 0, 0xffff_ffffL);
  }

  /** A Smithy {@code I64}, or null. */
  public Long readI64(String field) {
    return readInteger(field, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A Smithy {@code U64}, or null. Values above {@link Long#MAX_VALUE} are refused. */
  public Long readU64(String field) {
    return readInteger(field, 0, Long.MAX_VALUE);
  }

  /**
   * An array header.
   *
   * @return the element count, or {@link #NIL} when the value is nil
   */
  public int readArrayHeader(String field) {
    return guard(
        field,
        () -> {
          ValueType t = peek(field);
          if (t == ValueType.NIL) {
            unpacker.unpackNil();
            return NIL;
          }
          if (t != ValueType.ARRAY) {
            throw mismatch(field, "an array", t);
          }
          int n = unpacker.unpackArrayHeader();
          checkDeclared(field, n, 1);
          return n;
        });
  }

  /** A map of string to string (entries with a nil value are dropped), or null for nil. */
  public Map<String, String> readStringMap(String field) {
    int n = enterMap(field);
    if (n == NIL) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = readMapKey(field);
      String value = readString(field);
      if (value != null) {
        out.put(key, value);
      }
    }
    exitMap();
    return out;
  }

  /** A map of string to array of strings (an HTTP header map), or null for nil. */
  public Map<String, List<String>> readHeaderMap(String field) {
    int n = enterMap(field);
    if (n == NIL) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = readMapKey(field);
      List<String> values = readStringList(field);
      out.put(key, values == null ? List.of() : values);
    }
    exitMap();
    return out;
  }

  /** An array of strings (no nil elements), or null for nil. */
  public List<String> readStringList(String field) {
    int n = readArrayHeader(field);
    if (n == NIL) {
      return null;
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String s = readString(field);
      if (s == null) {
        throw error(field, "contains nil where a string is expected");
      }
      out.add(s);
    }
    return out;
  }

  /** Skips one value of any type, however nested, without allocating for its content. */
  public void skipValue() {
    guard(
        null,
        () -> {
          skipOne();
          return null;
        });
  }

  /** A decode error for {@code field} (in the current map); {@code null} = the current value. */
  public DecodeException error(String field, String problem) {
    String name = fieldName(field);
    return new DecodeException(type, name == null ? problem : "field '" + name + "' " + problem);
  }

  /** The error for a required field that is absent or nil. */
  public DecodeException missing(String field) {
    return error(field, "is missing");
  }

  // ---------------------------------------------------------------------------------------------

  private interface Body<T> {
    T run() throws IOException;
  }

  private <T> T guard(String field, Body<T> body) {
    try {
      return body.run();
    } catch (MessageInsufficientBufferException e) {
      throw new DecodeException(type, "input ends early" + inField(field), e);
    } catch (MessageNeverUsedFormatException e) {
      throw new DecodeException(type, "invalid msgpack byte 0xc1" + inField(field), e);
    } catch (MessageIntegerOverflowException e) {
      throw error(field, "is out of range");
    } catch (MessagePackException | IOException | IllegalArgumentException e) {
      throw new DecodeException(type, "malformed msgpack" + inField(field), e);
    }
  }

  private String inField(String field) {
    String name = fieldName(field);
    return name == null ? "" : " in field '" + name + "'";
  }

  private String fieldName(String field) {
    StringBuilder sb = new StringBuilder();
    for (String p : path) {
      if (!p.isEmpty()) {
        sb.append(p).append('.');
      }
    }
    if (field != null) {
      sb.append(field);
    } else if (sb.length() > 0) {
      sb.setLength(sb.length() - 1);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private ValueType peek(String field) throws IOException {
    if (!unpacker.hasNext()) {
      throw new DecodeException(type, "input ends early" + inField(field));
    }
    MessageFormat f = unpacker.getNextFormat();
    if (f == MessageFormat.NEVER_USED) {
      throw new DecodeException(type, "invalid msgpack byte 0xc1" + inField(field));
    }
    return f.getValueType();
  }

  private DecodeException mismatch(String field, String expected, ValueType found) {
    String name = fieldName(field);
    String what = found.name().toLowerCase(Locale.ROOT);
    return new DecodeException(
        type,
        name == null
            ? "expected " + expected + ", found " + what
            : "field '" + name + "' must be " + expected + ", found " + what);
  }

  /**
   * Refuses a header that declares more than the input can hold: {@code count} items of at least
   * {@code minBytesEach} bytes each. Nothing is allocated before this check.
   */
  private void checkDeclared(String field, long count, int minBytesEach) {
    int left = remaining();
    if (count < 0 || count * minBytesEach > left) {
      String unit = minBytesEach == 2 ? " entries" : minBytesEach == 1 ? " items or bytes" : "";
      throw error(field, "declares " + count + unit + " but only " + left + " bytes remain");
    }
  }

  private void checkKeyLength(int n) {
    int left = remaining();
    if (n > left) {
      String name = fieldName(null);
      throw new DecodeException(
          type,
          (name == null ? "a map key" : "a map key in field '" + name + "'")
              + " declares "
              + n
              + " bytes but only "
              + left
              + " bytes remain");
    }
  }

  private byte[] readPayload(String field, int n) throws IOException {
    checkDeclared(field, n, 1);
    return unpacker.readPayload(n);
  }

  private String readMapKey(String field) {
    String key = readString(field);
    if (key == null) {
      throw error(field, "has a nil key");
    }
    return key;
  }

  private String readStringValue(String field) throws IOException {
    ValueType t = peek(field);
    byte[] raw;
    switch (t) {
      case NIL:
        unpacker.unpackNil();
        return null;
      case STRING:
        raw = readPayload(field, unpacker.unpackRawStringHeader());
        break;
      case BINARY:
        raw = readPayload(field, unpacker.unpackBinaryHeader());
        break;
      default:
        throw mismatch(field, "a string", t);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(field, "is not valid UTF-8");
    }
  }

  private long readIntegerValue(String field, long min, long max) throws IOException {
    ValueType t = peek(field);
    if (t != ValueType.INTEGER) {
      throw mismatch(field, "an integer", t);
    }
    long v;
    try {
      v = unpacker.unpackLong();
    } catch (MessageIntegerOverflowException e) {
      throw error(field, "is out of range (above " + Long.MAX_VALUE + ")");
    }
    if (v < min || v > max) {
      throw error(field, "is out of range: " + v + " is not in [" + min + ", " + max + "]");
    }
    return v;
  }

  /** Skips one value iteratively: nested containers only add to a counter bounded by the input. */
  private void skipOne() throws IOException {
    long pending = 1;
    while (pending > 0) {
      pending--;
      switch (peek(null)) {
        case ARRAY:
          int items = unpacker.unpackArrayHeader();
          checkDeclared(null, items, 1);
          pending += items;
          break;
        case MAP:
          int entries = unpacker.unpackMapHeader();
          checkDeclared(null, entries, 2);
          pending += 2L * entries;
          break;
        case STRING:
          skipBytes(unpacker.unpackRawStringHeader());
          break;
        case BINARY:
          skipBytes(unpacker.unpackBinaryHeader());
          break;
        case EXTENSION:
          skipBytes(unpacker.unpackExtensionTypeHeader().getLength());
          break;
        default: // nil, boolean, integer, float: fixed size
          unpacker.skipValue();
      }
    }
  }

  private void skipBytes(int n) throws IOException {
    checkDeclared(null, n, 1);
    unpacker.readPayloadAsReference(n);
  }
}
