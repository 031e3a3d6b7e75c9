package dev.trellis.interfaces;

import static dev.trellis.interfaces.GoldenVectors.hex;
import static dev.trellis.interfaces.GoldenVectors.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.logging.LogEntry;
import dev.trellis.interfaces.contract.logging.LoggingCodec;
import dev.trellis.interfaces.contract.numbergen.NumberGenCodec;
import dev.trellis.interfaces.contract.numbergen.RangeLimit;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every msgpack vector of {@code conformance/vectors}: {@code hex} decodes to {@code value}, and
 * for direction {@code both}, {@code value} encodes to exactly {@code hex}. The expected records
 * are built from the vector's JSON by this test, reading the wire key names directly.
 */
class GoldenVectorTest {

  /** How to decode, encode and build from JSON one vector {@code type}. */
  private record Codec(
      Function<byte[], Object> decode,
      Function<Object, byte[]> encode,
      Function<JsonNode, Object> fromJson) {}

  private static final Map<String, Codec> CODECS =
      Map.ofEntries(
          Map.entry(
              "Invocation",
              new Codec(
                  InvocationCodec::decode,
                  o -> InvocationCodec.encode((Invocation) o),
                  GoldenVectorTest::invocation)),
          Map.entry(
              "InvocationResponse",
              new Codec(
                  InvocationResponseCodec::decode,
                  o -> InvocationResponseCodec.encode((InvocationResponse) o),
                  v ->
                      new InvocationResponse(
                          bin(v.get("msg")),
                          v.get("invocation_id").asText(),
                          v.has("error") ? v.get("error").asText() : null,
                          v.has("content_length") ? v.get("content_length").asLong() : null))),
          Map.entry(
              "HealthCheckRequest",
              new Codec(
                  HealthCheckCodec::decodeRequest,
                  o -> HealthCheckCodec.encodeRequest((HealthCheckRequest) o),
                  v -> new HealthCheckRequest())),
          Map.entry(
              "HealthCheckResponse",
              new Codec(
                  HealthCheckCodec::decodeResponse,
                  o -> HealthCheckCodec.encodeResponse((HealthCheckResponse) o),
                  v ->
                      new HealthCheckResponse(
                          v.get("healthy").asBoolean(),
                          v.has("message") ? v.get("message").asText() : null))),
          Map.entry(
              "LinkDefinition",
              new Codec(
                  LinkDefinitionCodec::decode,
                  o -> LinkDefinitionCodec.encode((LinkDefinition) o),
                  v ->
                      new LinkDefinition(
                          v.get("actor_id").asText(),
                          v.get("provider_id").asText(),
                          v.get("link_name").asText(),
                          v.get("contract_id").asText(),
                          strings(v.get("values"))))),
          Map.entry(
              "HttpRequest",
              new Codec(
                  HttpServerCodec::decodeRequest,
                  o -> HttpServerCodec.encodeRequest((HttpRequest) o),
                  v ->
                      new HttpRequest(
                          v.get("method").asText(),
                          v.get("path").asText(),
                          v.get("queryString").asText(),
                          headers(v.get("header")),
                          bin(v.get("body"))))),
          Map.entry(
              "HttpResponse",
              new Codec(
                  HttpServerCodec::decodeResponse,
                  o -> HttpServerCodec.encodeResponse((HttpResponse) o),
                  v ->
                      new HttpResponse(
                          v.get("statusCode").asInt(),
                          headers(v.get("header")),
                          bin(v.get("body"))))),
          Map.entry(
              "String",
              new Codec(
                  b -> BarePayload.decodeString(b, KeyValue.GET),
                  o -> BarePayload.encodeString((String) o),
                  JsonNode::asText)),
          Map.entry(
              "IncrementRequest",
              new Codec(
                  KeyValueCodec::decodeIncrementRequest,
                  o -> KeyValueCodec.encodeIncrementRequest((IncrementRequest) o),
                  v -> new IncrementRequest(v.get("key").asText(), v.get("value").asInt()))),
          Map.entry(
              "LogEntry",
              new Codec(
                  LoggingCodec::decodeLogEntry,
                  o -> LoggingCodec.encodeLogEntry((LogEntry) o),
                  v -> new LogEntry(v.get("level").asText(), v.get("text").asText()))),
          Map.entry(
              "RangeLimit",
              new Codec(
                  NumberGenCodec::decodeRangeLimit,
                  o -> NumberGenCodec.encodeRangeLimit((RangeLimit) o),
                  v -> new RangeLimit(v.get("min").asLong(), v.get("max").asLong()))));

  static Stream<String> msgpackVectors() {
    return GoldenVectors.msgpackVectorFiles().stream();
  }

  static Stream<String> bothDirectionVectors() {
    return msgpackVectors().filter(f -> load(f).get("direction").asText().equals("both"));
  }

  @Test
  void findsTheVectorsOfTheSpecAppendix() {
    assertThat(GoldenVectors.msgpackVectorFiles())
        .contains(
            "a2-http-request.json",
            "a5-invocation.json",
            "a6-invocation-response.json",
            "a6-invocation-response-otp.json",
            "a7-health-request.json",
            "a7-health-response.json",
            "a7-http-response.json",
            "invocation-response-empty-array.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("msgpackVectors")
  void hexDecodesToValue(String file) {
    JsonNode vector = load(file);
    Codec codec = codecFor(vector);
    Object decoded = codec.decode().apply(hex(vector.get("hex").asText()));
    Object expected = codec.fromJson().apply(vector.get("value"));
    if (expected instanceof HealthCheckRequest) {
      assertThat(decoded).isEqualTo(expected);
    } else {
      assertThat(decoded).usingRecursiveComparison().isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothDirectionVectors")
  void valueEncodesToExactlyHex(String file) {
    JsonNode vector = load(file);
    Codec codec = codecFor(vector);
    Object value = codec.fromJson().apply(vector.get("value"));
    assertThat(hex(codec.encode().apply(value))).isEqualTo(vector.get("hex").asText());
  }

  private static Codec codecFor(JsonNode vector) {
    String type = vector.get("type").asText();
    Codec codec = CODECS.get(type);
    assertThat(codec).as("a codec for vector type %s", type).isNotNull();
    return codec;
  }

  private static Invocation invocation(JsonNode v) {
    return new Invocation(
        entity(v.get("origin")),
        entity(v.get("target")),
        v.get("operation").asText(),
        bin(v.get("msg")),
        v.get("id").asText(),
        v.get("encoded_claims").asText(),
        v.get("host_id").asText(),
        v.has("content_length") ? v.get("content_length").asLong() : null,
        v.has("traceContext") ? strings(v.get("traceContext")) : Map.of());
  }

  private static WasmCloudEntity entity(JsonNode v) {
    return new WasmCloudEntity(
        v.get("public_key").asText(), v.get("contract_id").asText(), v.get("link_name").asText());
  }

  /** A byte field: {@code {"$bin": "<hex>"}}. */
  private static byte[] bin(JsonNode v) {
    assertThat(v.has("$bin")).as("byte field written as {\"$bin\": …}").isTrue();
    return hex(v.get("$bin").asText());
  }

  private static Map<String, String> strings(JsonNode v) {
    Map<String, String> out = new LinkedHashMap<>();
    v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Map<String, List<String>> headers(JsonNode v) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    v.properties()
        .forEach(
            e -> {
              List<String> values = new ArrayList<>();
              e.getValue().forEach(x -> values.add(x.asText()));
              out.put(e.getKey(), values);
            });
    return out;
  }
}
