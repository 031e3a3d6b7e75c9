package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of a bucket entry.
 *
 * <ul>
 *   <li>A string that never expires: its UTF-8 bytes, as they are, so other NATS clients ({@code
 *       nats kv get}) read strings and counters directly, and strings they put are read here.
 *   <li>Anything else: a msgpack map (the envelope) {@code {"kind": "string"|"list"|"set", "value":
 *       str, "items": [str], "expiresAt": Unix ms}}; {@code value} only for a string, {@code items}
 *       only for a list or set (in insertion order), {@code expiresAt} only when the key expires.
 *   <li>A value too large for one NATS message: the envelope {@code {"kind": …, "object": name,
 *       "size": bytes, "expiresAt": …}}, pointing at an object of the bucket's object store that
 *       holds the value's own bytes (one of the two forms above).
 * </ul>
 *
 * The forms cannot be confused: an envelope is a msgpack fixmap, whose first byte ({@code
 * 0x80–0x8f}) never starts valid UTF-8. Bytes that are neither (a non-UTF-8 value put by another
 * client) decode as a string of their bytes with U+FFFD for what is not UTF-8.
 */
final class EntryCodec {
  private static final String TYPE = "keyvalue-nats entry";

  private EntryCodec() {}

  /** The bytes of {@code value}, as the entry or as the spilled object. */
  static byte[] encode(StoredValue value) {
    if (value.kind() == StoredValue.Kind.STRING && value.expiresAtMillis() == 0) {
      return value.text().getBytes(StandardCharsets.UTF_8);
    }
    boolean expires = value.expiresAtMillis() != 0;
    MsgpackWriter w = new MsgpackWriter().mapHeader(expires ? 3 : 2);
    w.key("kind").string(value.kind().wire());
    if (value.kind() == StoredValue.Kind.STRING) {
      w.key("value").string(value.text());
    } else {
      w.key("items").stringList(value.items());
    }
    if (expires) {
      w.key("expiresAt").integer(value.expiresAtMillis());
    }
    return w.toByteArray();
  }

  /** The entry pointing at {@code object}, which holds {@code size} bytes of {@code value}. */
  static byte[] encodePointer(StoredValue value, String object, long size) {
    boolean expires = value.expiresAtMillis() != 0;
    MsgpackWriter w = new MsgpackWriter().mapHeader(expires ? 4 : 3);
    w.key("kind").string(value.kind().wire());
    w.key("object").string(object);
    w.key("size").integer(size);
    if (expires) {
      w.key("expiresAt").integer(value.expiresAtMillis());
    }
    return w.toByteArray();
  }

  /** An entry's bytes. */
  static StoredEntry decode(byte[] bytes) {
    if (!isEnvelope(bytes)) {
      return new StoredEntry.Inline(
          StoredValue.string(new String(bytes, StandardCharsets.UTF_8), 0));
    }
    MsgpackReader r = MsgpackReader.of(bytes, TYPE);
    String kind = null;
    String text = null;
    List<String> items = null;
    String object = null;
    Long expiresAt = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "kind" -> kind = r.readString("kind");
        case "value" -> text = r.readString("value");
        case "items" -> items = r.readStringList("items");
        case "object" -> object = r.readString("object");
        case "expiresAt" -> expiresAt = r.readI64("expiresAt");
        default -> r.skipValue();
      }
    }
    if (kind == null) {
      throw r.missing("kind");
    }
    StoredValue.Kind k;
    try {
      k = StoredValue.Kind.ofWire(kind);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(TYPE, e.getMessage());
    }
    long expires = expiresAt == null ? 0 : Math.max(0, expiresAt);
    if (object != null) {
      return new StoredEntry.Spilled(object, expires);
    }
    return new StoredEntry.Inline(new StoredValue(k, text, items, expires));
  }

  /** A spilled object's bytes. */
  static StoredValue decodeObject(byte[] bytes) {
    if (decode(bytes) instanceof StoredEntry.Inline inline) {
      return inline.value();
    }
    throw new DecodeException(TYPE, "a spilled object points at another object");
  }

  private static boolean isEnvelope(byte[] bytes) {
    return bytes.length > 0 && (bytes[0] & 0xf0) == 0x80;
  }
}
