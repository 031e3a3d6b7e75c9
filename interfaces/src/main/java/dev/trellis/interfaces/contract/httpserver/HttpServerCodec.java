package dev.trellis.interfaces.contract.httpserver;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.util.List;
import java.util.Map;

/**
 * msgpack encoding of the {@code wasmcloud:httpserver} shapes (spec §9.1, A.2, A.7). Absent fields
 * decode as empty, except an absent {@code statusCode}, which decodes as 200 (the Rust default of
 * HttpResponse).
 */
public final class HttpServerCodec {
  /** Room for the method, path, query and headers of a typical request or response. */
  private static final int HEAD_BYTES = 512;

  private HttpServerCodec() {}

  public static byte[] encodeRequest(HttpRequest request) {
    return new MsgpackWriter(request.body().length + HEAD_BYTES)
        .mapHeader(5)
        .key("method")
        .string(request.method())
        .key("path")
        .string(request.path())
        .key("queryString")
        .string(request.queryString())
        .key("header")
        .headerMap(request.header())
        .key("body")
        .bytes(request.body())
        .toByteArray();
  }

  /**
   * @throws DecodeException if the payload is not an HttpRequest map
   */
  public static HttpRequest decodeRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "HttpRequest");
    String method = null;
    String path = null;
    String queryString = null;
    Map<String, List<String>> header = null;
    byte[] body = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "method" -> method = r.readString("method");
        case "path" -> path = r.readString("path");
        case "queryString" -> queryString = r.readString("queryString");
        case "header" -> header = r.readHeaderMap("header");
        case "body" -> body = r.readBytes("body");
        default -> r.skipValue();
      }
    }
    return new HttpRequest(method, path, queryString, header, body);
  }

  public static byte[] encodeResponse(HttpResponse response) {
    return new MsgpackWriter(response.body().length + HEAD_BYTES)
        .mapHeader(3)
        .key("statusCode")
        .integer(response.statusCode())
        .key("header")
        .headerMap(response.header())
        .key("body")
        .bytes(response.body())
        .toByteArray();
  }

  /**
   * @throws DecodeException if the payload is not an HttpResponse map
   */
  public static HttpResponse decodeResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "HttpResponse");
    Integer statusCode = null;
    Map<String, List<String>> header = null;
    byte[] body = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "statusCode" -> statusCode = r.readU16("statusCode");
        case "header" -> header = r.readHeaderMap("header");
        case "body" -> body = r.readBytes("body");
        default -> r.skipValue();
      }
    }
    return new HttpResponse(statusCode == null ? 200 : statusCode, header, body);
  }
}
