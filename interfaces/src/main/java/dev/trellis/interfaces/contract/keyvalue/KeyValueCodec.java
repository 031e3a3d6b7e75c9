package dev.trellis.interfaces.contract.keyvalue;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of the {@code wasmcloud:keyvalue} structs (spec §9.2). Every field is written;
 * absent or nil fields decode as {@code ""}, 0 or false, as the Rust interface crate's {@code
 * #[serde(default)]} does. Decoders throw {@link DecodeException} for malformed payloads.
 */
public final class KeyValueCodec {
  private KeyValueCodec() {}

  public static byte[] encodeGetResponse(GetResponse v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("value")
        .string(v.value())
        .key("exists")
        .bool(v.exists())
        .toByteArray();
  }

  public static GetResponse decodeGetResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "GetResponse");
    String value = null;
    Boolean exists = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "value" -> value = r.readString("value");
        case "exists" -> exists = r.readBool("exists");
        default -> r.skipValue();
      }
    }
    return new GetResponse(value, exists != null && exists);
  }

  public static byte[] encodeSetRequest(SetRequest v) {
    return new MsgpackWriter()
        .mapHeader(3)
        .key("key")
        .string(v.key())
        .key("value")
        .string(v.value())
        .key("expires")
        .integer(v.expires())
        .toByteArray();
  }

  public static SetRequest decodeSetRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "SetRequest");
    String key = null;
    String value = null;
    Long expires = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "key" -> key = r.readString("key");
        case "value" -> value = r.readString("value");
        case "expires" -> expires = r.readU32("expires");
        default -> r.skipValue();
      }
    }
    return new SetRequest(key, value, expires == null ? 0 : expires);
  }

  public static byte[] encodeIncrementRequest(IncrementRequest v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("key")
        .string(v.key())
        .key("value")
        .integer(v.value())
        .toByteArray();
  }

  public static IncrementRequest decodeIncrementRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "IncrementRequest");
    String key = null;
    Integer value = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "key" -> key = r.readString("key");
        case "value" -> value = r.readI32("value");
        default -> r.skipValue();
      }
    }
    return new IncrementRequest(key, value == null ? 0 : value);
  }

  public static byte[] encodeListAddRequest(ListAddRequest v) {
    return encodePair("listName", v.listName(), v.value());
  }

  public static ListAddRequest decodeListAddRequest(byte[] payload) {
    String[] f = decodePair(payload, "ListAddRequest", "listName");
    return new ListAddRequest(f[0], f[1]);
  }

  public static byte[] encodeListDelRequest(ListDelRequest v) {
    return encodePair("listName", v.listName(), v.value());
  }

  public static ListDelRequest decodeListDelRequest(byte[] payload) {
    String[] f = decodePair(payload, "ListDelRequest", "listName");
    return new ListDelRequest(f[0], f[1]);
  }

  public static byte[] encodeSetAddRequest(SetAddRequest v) {
    return encodePair("setName", v.setName(), v.value());
  }

  public static SetAddRequest decodeSetAddRequest(byte[] payload) {
    String[] f = decodePair(payload, "SetAddRequest", "setName");
    return new SetAddRequest(f[0], f[1]);
  }

  public static byte[] encodeSetDelRequest(SetDelRequest v) {
    return encodePair("setName", v.setName(), v.value());
  }

  public static SetDelRequest decodeSetDelRequest(byte[] payload) {
    String[] f = decodePair(payload, "SetDelRequest", "setName");
    return new SetDelRequest(f[0], f[1]);
  }

  public static byte[] encodeListRangeRequest(ListRangeRequest v) {
    return new MsgpackWriter()
        .mapHeader(3)
        .key("listName")
        .string(v.listName())
        .key("start")
        .integer(v.start())
        .key("stop")
        .integer(v.stop())
        .toByteArray();
  }

  public static ListRangeRequest decodeListRangeRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "ListRangeRequest");
    String listName = null;
    Integer start = null;
    Integer stop = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "listName" -> listName = r.readString("listName");
        case "start" -> start = r.readI32("start");
        case "stop" -> stop = r.readI32("stop");
        default -> r.skipValue();
      }
    }
    return new ListRangeRequest(listName, start == null ? 0 : start, stop == null ? 0 : stop);
  }

  /** {@code {nameKey: name, "value": value}}: the shape of the list and set requests. */
  private static byte[] encodePair(String nameKey, String name, String value) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key(nameKey)
        .string(name)
        .key("value")
        .string(value)
        .toByteArray();
  }

  private static String[] decodePair(byte[] payload, String type, String nameKey) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, type);
    String[] out = new String[2];
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      String key = r.readKey();
      if (key.equals(nameKey)) {
        out[0] = r.readString(nameKey);
      } else if (key.equals("value")) {
        out[1] = r.readString("value");
      } else {
        r.skipValue();
      }
    }
    return out;
  }
}
