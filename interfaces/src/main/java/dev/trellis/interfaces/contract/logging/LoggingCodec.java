package dev.trellis.interfaces.contract.logging;

import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/** msgpack encoding of {@link LogEntry} (spec §9.6). */
public final class LoggingCodec {
  private LoggingCodec() {}

  public static byte[] encodeLogEntry(LogEntry v) {
    return new MsgpackWriter()
        .mapHeader(2)
        .key("level")
        .string(v.level())
        .key("text")
        .string(v.text())
        .toByteArray();
  }

  /**
   * Absent fields decode as {@code ""}.
   *
   * @throws DecodeException for a malformed payload
   */
  public static LogEntry decodeLogEntry(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "LogEntry");
    String level = null;
    String text = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "level" -> level = r.readString("level");
        case "text" -> text = r.readString("text");
        default -> r.skipValue();
      }
    }
    return new LogEntry(level, text);
  }
}
