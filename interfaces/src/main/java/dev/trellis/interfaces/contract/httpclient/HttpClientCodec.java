package dev.trellis.interfaces.contract.httpclient;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import java.util.List;
import java.util.Map;

/**
 * msgpack encoding of the {@code wasmcloud:httpclient} shapes (spec §9.4). Absent fields decode as
 * empty; an absent {@code statusCode} decodes as 200 (the Rust default).
 */
public final class HttpClientCodec {
  private HttpClientCodec() {}

  public static byte[] encodeRequest(HttpRequest request) {
    return new MsgpackWriter()
        .mapHeader(4)
        .key("method")
        .string(request.method())
        .key("url")
        .string(request.url())
        .key("headers")
        .headerMap(request.headers())
        .key("body")
        .bytes(request.body())
        .toByteArray();
  }

  /**
   * @throws DecodeException if the payload is not an HttpClient HttpRequest map
   */
  public static HttpRequest decodeRequest(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "HttpClient HttpRequest");
    String method = null;
    String url = null;
    Map<String, List<String>> headers = null;
    byte[] body = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "method" -> method = r.readString("method");
        case "url" -> url = r.readString("url");
        case "headers" -> headers = r.readHeaderMap("headers");
        case "body" -> body = r.readBytes("body");
        default -> r.skipValue();
      }
    }
    return new HttpRequest(method, url, headers, body);
  }

  public static byte[] encodeResponse(HttpResponse response) {
    return new MsgpackWriter()
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
   * @throws DecodeException if the payload is not an HttpClient HttpResponse map
   */
  public static HttpResponse decodeResponse(byte[] payload) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, "HttpClient HttpResponse");
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
