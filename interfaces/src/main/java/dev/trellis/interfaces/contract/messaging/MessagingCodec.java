package dev.trellis.interfaces.contract.messaging;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of the {@code wasmcloud:messaging} shapes (spec §9.3). {@code replyTo} is
 * written only when present; absent fields decode as empty. Decoders throw {@link DecodeException}
 * for malformed payloads.
 */
public final class MessagingCodec {
  private MessagingCodec() {}

  public static byte[] encodePubMessage(PubMessage m) {
    return encodeMessage(m.subject(), m.replyTo(), m.body());
  }

  public static PubMessage decodePubMessage(byte[] payload) {
    Message m = decodeMessage(payload, "PubMessage");
    return new PubMessage(m.subject(), m.replyTo(), m.body());
  }

  public static byte[] encodeReplyMessage(ReplyMessage m) {
    return encodeMessage(m.subject(), m.replyTo(), m.body());
  }

  public static ReplyMessage decodeReplyMessage(byte[] payload) {
    Message m = decodeMessage(payload, "ReplyMessage");
    return new ReplyMessage(m.subject(), m.replyTo(), m.body());
  }

  public static byte[] encodeSubMessage(SubMessage m) {
    return encodeMessage(m.subject(), m.replyTo(), m.body());
  }

  public static SubMessage decodeSubMessage(byte[] payload) {
    Message m = decodeMessage(payload, "SubMessage");
    return new SubMessage(m.subject(), m.replyTo(), m.body());
  }

  public static byte[] encodeRequestMessage(RequestMessage m) {
    return new MsgpackWriter()
        .mapHeader(3)
        .key("subject")
        .string(m.subject())
        .key("body")
        .bytes(m.body())
        .key("timeoutMs")
        .integer(m.timeoutMs())
        .toByteArray();
  }

  public static RequestMessage decodeRequestMessage(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "RequestMessage");
    String subject = null;
    byte[] body = null;
    Long timeoutMs = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "subject" -> subject = r.readString("subject");
        case "body" -> body = r.readBytes("body");
        case "timeoutMs" -> timeoutMs = r.readU32("timeoutMs");
        default -> r.skipValue();
      }
    }
    return new RequestMessage(subject, body, timeoutMs == null ? 0 : timeoutMs);
  }

  /** The common shape of PubMessage, ReplyMessage and SubMessage. */
  private record Message(String subject, String replyTo, byte[] body) {}

  private static byte[] encodeMessage(String subject, String replyTo, byte[] body) {
    MsgpackWriter w = new MsgpackWriter().mapHeader(replyTo == null ? 2 : 3);
    w.key("subject").string(subject);
    if (replyTo != null) {
      w.key("replyTo").string(replyTo);
    }
    return w.key("body").bytes(body).toByteArray();
  }

  private static Message decodeMessage(byte[] payload, String type) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, type);
    String subject = null;
    String replyTo = null;
    byte[] body = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "subject" -> subject = r.readString("subject");
        case "replyTo" -> replyTo = r.readString("replyTo");
        case "body" -> body = r.readBytes("body");
        default -> r.skipValue();
      }
    }
    return new Message(subject, replyTo, body);
  }
}
