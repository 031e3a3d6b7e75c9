package dev.trellis.cli.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.cli.CliException;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code HttpServer.HandleRequest} made pleasant (dataplane §9.1): a JSON payload with {@code
 * method} or {@code path} is sent as an HttpRequest — {@code method} (default GET), {@code path}
 * (default /), {@code queryString} (or {@code query_string}), {@code header} (values: a string or a
 * list of strings) and {@code body} as bytes (a string, {@code @base64:…}, or any JSON value sent
 * as its JSON text). The HttpResponse comes back with its body as text.
 */
final class HttpCall {
  private HttpCall() {}

  /** Whether {@code payload} is an HTTP request for {@code operation}. */
  static boolean applies(String operation, JsonNode payload) {
    return HttpServer.HANDLE_REQUEST.equals(operation)
        && payload != null
        && payload.isObject()
        && (payload.has("method") || payload.has("path"));
  }

  static byte[] encode(JsonNode json) {
    String method = text(json, "method", "GET");
    String path = text(json, "path", "/");
    String query = text(json, "queryString", text(json, "query_string", ""));
    Map<String, List<String>> header = new LinkedHashMap<>();
    JsonNode headers = json.get("header");
    if (headers != null && headers.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> values.add(v.asText()));
        } else {
          values.add(e.getValue().asText());
        }
        header.put(e.getKey(), values);
      }
    } else if (headers != null && !headers.isNull()) {
      throw new CliException(
          "failed to read the payload: $.header must be an object of header name → value(s)");
    }
    JsonNode bodyNode = json.get("body");
    byte[] body;
    if (bodyNode == null || bodyNode.isNull()) {
      body = new byte[0];
    } else if (bodyNode.isTextual()) {
      body = JsonMsgpack.bytesOf(bodyNode.asText(), "$.body");
    } else {
      body = bodyNode.toString().getBytes(StandardCharsets.UTF_8);
    }
    return HttpServerCodec.encodeRequest(new HttpRequest(method, path, query, header, body));
  }

  /** The reply as an HttpResponse, when it is one. */
  static Optional<HttpResponse> decode(byte[] reply) {
    try {
      return Optional.of(HttpServerCodec.decodeResponse(reply));
    } catch (DecodeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code {"statusCode", "header", "body"}} with the body as text (or {@code @base64:…}). */
  static JsonNode toJson(HttpResponse response) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("statusCode", response.statusCode());
    ObjectNode header = node.putObject("header");
    new TreeMap<>(response.header())
        .forEach((k, v) -> v.forEach(value -> header.withArray(k).add(value)));
    node.set("body", JsonMsgpack.bytes(response.body()));
    return node;
  }

  /** {@code HTTP 200}, the headers, a blank line and the body, like {@code curl -i}. */
  static String text(HttpResponse response) {
    StringBuilder out = new StringBuilder("HTTP ").append(response.statusCode());
    new TreeMap<>(response.header())
        .forEach(
            (k, v) -> v.forEach(value -> out.append('\n').append(k).append(": ").append(value)));
    out.append("\n\n").append(JsonMsgpack.bytes(response.body()).asText());
    return out.toString();
  }

  private static String text(JsonNode json, String field, String fallback) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }
}
