package dev.trellis.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.RawMsgpack;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.ListAddRequest;
import dev.trellis.interfaces.contract.keyvalue.ListDelRequest;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetAddRequest;
import dev.trellis.interfaces.contract.keyvalue.SetDelRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.contract.logging.LogEntry;
import dev.trellis.interfaces.contract.logging.LoggingCodec;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.PubMessage;
import dev.trellis.interfaces.contract.messaging.ReplyMessage;
import dev.trellis.interfaces.contract.messaging.RequestMessage;
import dev.trellis.interfaces.contract.messaging.SubMessage;
import dev.trellis.interfaces.contract.numbergen.NumberGenCodec;
import dev.trellis.interfaces.contract.numbergen.RangeLimit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every non-blobstore struct survives encode → decode, and uses the camelCase keys of §9. */
class ContractRoundTripTest {
  private static final byte[] BODY = {0, 1, (byte) 0xff};

  private static <T> void roundTrip(
      T value, Function<T, byte[]> encode, Function<byte[], T> decode) {
    assertThat(decode.apply(encode.apply(value))).usingRecursiveComparison().isEqualTo(value);
  }

  private static String keysOf(byte[] encoded) {
    return new String(encoded, StandardCharsets.ISO_8859_1);
  }

  @Test
  void httpServer() {
    HttpRequest req =
        new HttpRequest(
            "POST", "/a/b", "x=1", Map.of("Accept", List.of("a", "b"), "X-Y", List.of()), BODY);
    roundTrip(req, HttpServerCodec::encodeRequest, HttpServerCodec::decodeRequest);
    HttpResponse res = new HttpResponse(404, Map.of("Content-Type", List.of("text/plain")), BODY);
    roundTrip(res, HttpServerCodec::encodeResponse, HttpServerCodec::decodeResponse);
    assertThat(keysOf(HttpServerCodec.encodeRequest(req))).contains("queryString", "header");
  }

  @Test
  void httpClientUsesHeadersPluralOnRequestsOnly() {
    var req =
        new dev.trellis.interfaces.contract.httpclient.HttpRequest(
            "GET", "https://example.com/", Map.of("A", List.of("1")), BODY);
    roundTrip(req, HttpClientCodec::encodeRequest, HttpClientCodec::decodeRequest);
    var res =
        new dev.trellis.interfaces.contract.httpclient.HttpResponse(
            200, Map.of("B", List.of("2")), BODY);
    roundTrip(res, HttpClientCodec::encodeResponse, HttpClientCodec::decodeResponse);
    assertThat(keysOf(HttpClientCodec.encodeRequest(req))).contains("headers");
    assertThat(keysOf(HttpClientCodec.encodeResponse(res)))
        .contains("header")
        .doesNotContain("headers");
  }

  @Test
  void absentStatusCodeMeans200() {
    assertThat(HttpServerCodec.decodeResponse(new RawMsgpack().map(0).build()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void keyValue() {
    roundTrip(
        new GetResponse("v", true),
        KeyValueCodec::encodeGetResponse,
        KeyValueCodec::decodeGetResponse);
    roundTrip(
        new SetRequest("k", "v", 4_000_000_000L),
        KeyValueCodec::encodeSetRequest,
        KeyValueCodec::decodeSetRequest);
    roundTrip(
        new IncrementRequest("k", -5),
        KeyValueCodec::encodeIncrementRequest,
        KeyValueCodec::decodeIncrementRequest);
    roundTrip(
        new ListAddRequest("l", "v"),
        KeyValueCodec::encodeListAddRequest,
        KeyValueCodec::decodeListAddRequest);
    roundTrip(
        new ListDelRequest("l", "v"),
        KeyValueCodec::encodeListDelRequest,
        KeyValueCodec::decodeListDelRequest);
    roundTrip(
        new ListRangeRequest("l", 0, -1),
        KeyValueCodec::encodeListRangeRequest,
        KeyValueCodec::decodeListRangeRequest);
    roundTrip(
        new SetAddRequest("s", "v"),
        KeyValueCodec::encodeSetAddRequest,
        KeyValueCodec::decodeSetAddRequest);
    roundTrip(
        new SetDelRequest("s", "v"),
        KeyValueCodec::encodeSetDelRequest,
        KeyValueCodec::decodeSetDelRequest);
    assertThat(keysOf(KeyValueCodec.encodeListAddRequest(new ListAddRequest("l", "v"))))
        .contains("listName");
    assertThat(keysOf(KeyValueCodec.encodeSetDelRequest(new SetDelRequest("s", "v"))))
        .contains("setName");
  }

  @Test
  void keyValueDefaultsAbsentFields() {
    assertThat(KeyValueCodec.decodeGetResponse(new RawMsgpack().map(0).build()))
        .isEqualTo(new GetResponse("", false));
    assertThat(
            KeyValueCodec.decodeIncrementRequest(
                new RawMsgpack().map(2).str("key").nil().str("value").i64(7).build()))
        .isEqualTo(new IncrementRequest("", 7));
  }

  @Test
  void messaging() {
    roundTrip(
        new PubMessage("s", null, BODY),
        MessagingCodec::encodePubMessage,
        MessagingCodec::decodePubMessage);
    roundTrip(
        new PubMessage("s", "r", BODY),
        MessagingCodec::encodePubMessage,
        MessagingCodec::decodePubMessage);
    roundTrip(
        new RequestMessage("s", BODY, 1500),
        MessagingCodec::encodeRequestMessage,
        MessagingCodec::decodeRequestMessage);
    roundTrip(
        new ReplyMessage("s", "r", BODY),
        MessagingCodec::encodeReplyMessage,
        MessagingCodec::decodeReplyMessage);
    roundTrip(
        new SubMessage("s", null, BODY),
        MessagingCodec::encodeSubMessage,
        MessagingCodec::decodeSubMessage);
    assertThat(keysOf(MessagingCodec.encodePubMessage(new PubMessage("s", null, BODY))))
        .doesNotContain("replyTo");
    assertThat(keysOf(MessagingCodec.encodeRequestMessage(new RequestMessage("s", BODY, 1))))
        .contains("timeoutMs");
  }

  @Test
  void numberGenAndLogging() {
    roundTrip(
        new RangeLimit(0, 0xffff_ffffL),
        NumberGenCodec::encodeRangeLimit,
        NumberGenCodec::decodeRangeLimit);
    roundTrip(
        new LogEntry("warn", "héllo"), LoggingCodec::encodeLogEntry, LoggingCodec::decodeLogEntry);
  }
}
