package dev.trellis.interfaces.wire;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of {@link InvocationResponse} (spec §2.3).
 *
 * <p>Encoding writes {@code msg} (bin), {@code invocation_id}, {@code error} only when the response
 * is a failure (never {@code "error": ""} on success), and {@code content_length} always: the
 * record's value, or the length of {@code msg} when it has none.
 *
 * <p>Decoding accepts OTP's variants: {@code msg} as a str or as an empty array, the extra {@code
 * instance_id}, a missing {@code content_length}. A present, non-nil {@code error} (even {@code
 * ""}) makes the response a failure, as in OTP and rpc-rs.
 */
public final class InvocationResponseCodec {
  /** Room for everything but the payload: the invocation id, an error text. */
  private static final int ENVELOPE_BYTES = 256;

  static final String TYPE = "InvocationResponse";

  private InvocationResponseCodec() {}

  /** The msgpack bytes of {@code response}. */
  public static byte[] encode(InvocationResponse response) {
    boolean failed = response.error() != null;
    long contentLength =
        response.contentLength() == null ? response.msg().length : response.contentLength();
    MsgpackWriter w =
        new MsgpackWriter(response.msg().length + ENVELOPE_BYTES).mapHeader(failed ? 4 : 3);
    w.key("msg").bytes(response.msg());
    w.key("invocation_id").string(response.invocationId());
    if (failed) {
      w.key("error").string(response.error());
    }
    w.key("content_length").integer(contentLength);
    return w.toByteArray();
  }

  /**
   * Decodes an InvocationResponse.
   *
   * @throws DecodeException if {@code bytes} is not an InvocationResponse map
   */
  public static InvocationResponse decode(byte[] bytes) {
    MsgpackReader r = MsgpackReader.of(bytes, TYPE);
    byte[] msg = null;
    String invocationId = null;
    String error = null;
    Long contentLength = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "msg" -> msg = r.readBytes("msg");
        case "invocation_id" -> invocationId = r.readString("invocation_id");
        case "error" -> error = r.readString("error");
        case "content_length" -> contentLength = r.readU64("content_length");
        default -> r.skipValue();
      }
    }
    return new InvocationResponse(msg, invocationId, error, contentLength);
  }
}
