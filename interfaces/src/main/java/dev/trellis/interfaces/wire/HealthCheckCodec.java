package dev.trellis.interfaces.wire;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;

/**
 * msgpack encoding of the health check pair (spec §6.4, §9.7).
 *
 * <p>Requests are written as hosts write them, {@code {"placeholder": true}}. A receiver ignores
 * the body: decoding accepts an empty payload or any map. Responses are {@code {"healthy": bool}}
 * plus {@code message} only when present; a missing {@code healthy} decodes as {@code false}.
 */
public final class HealthCheckCodec {
  private static final byte[] REQUEST =
      new MsgpackWriter().mapHeader(1).key("placeholder").bool(true).toByteArray();

  private HealthCheckCodec() {}

  /** {@code {"placeholder": true}} = {@code 81 ab 706c616365686f6c646572 c3}. */
  public static byte[] encodeRequest(HealthCheckRequest request) {
    return REQUEST.clone();
  }

  /**
   * Decodes a health request: an empty payload or any map (its content is ignored).
   *
   * @throws DecodeException if the payload is neither
   */
  public static HealthCheckRequest decodeRequest(byte[] bytes) {
    if (bytes.length > 0) {
      MsgpackReader r = MsgpackReader.of(bytes, "HealthCheckRequest");
      int n = r.enterRootMap();
      for (int i = 0; i < 2 * n; i++) {
        r.skipValue();
      }
    }
    return new HealthCheckRequest();
  }

  /** {@code {"healthy": bool[, "message": str]}}. */
  public static byte[] encodeResponse(HealthCheckResponse response) {
    boolean message = response.message() != null;
    MsgpackWriter w = new MsgpackWriter().mapHeader(message ? 2 : 1);
    w.key("healthy").bool(response.healthy());
    if (message) {
      w.key("message").string(response.message());
    }
    return w.toByteArray();
  }

  /**
   * Decodes a health response.
   *
   * @throws DecodeException if the payload is not a HealthCheckResponse map
   */
  public static HealthCheckResponse decodeResponse(byte[] bytes) {
    MsgpackReader r = MsgpackReader.of(bytes, "HealthCheckResponse");
    Boolean healthy = null;
    String message = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "healthy" -> healthy = r.readBool("healthy");
        case "message" -> message = r.readString("message");
        default -> r.skipValue();
      }
    }
    return new HealthCheckResponse(healthy != null && healthy, message);
  }
}
