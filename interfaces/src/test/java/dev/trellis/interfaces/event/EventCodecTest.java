package dev.trellis.interfaces.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.interfaces.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2023-04-10T23:36:15.711366999Z"), ZoneOffset.UTC);
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  static Stream<SampleEvents.Sample> samples() {
    return SampleEvents.all().stream();
  }

  @Test
  void everyEventTypeOfTheCatalogueHasASample() {
    Set<String> types =
        SampleEvents.all().stream().map(s -> s.event().eventType()).collect(Collectors.toSet());

    assertThat(types).hasSize(22);
    types.forEach(t -> assertThat(EventCodec.isKnown(t)).as(t).isTrue());
  }

  @Test
  void everyEventGetsItsOwnId() {
    LatticeEvent event = SampleEvents.all().get(0).event();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(EventCodec.toCloudEvent(event, SampleEvents.HOST, CLOCK).id());
    }

    assertThat(ids).hasSize(10_000).allMatch(id -> id.matches(UUID_V4));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void envelopeIsCloudEvents10WithExactlyTheListedDataFields(SampleEvents.Sample sample) {
    JsonNode json = tree(EventCodec.encode(sample.event(), SampleEvents.HOST, CLOCK));

    assertThat(fieldNames(json))
        .containsExactly("specversion", "id", "type", "source", "time", "datacontenttype", "data");
    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("id").asText()).matches(UUID_V4);
    assertThat(json.get("type").asText())
        .isEqualTo("com.wasmcloud.lattice." + sample.event().eventType());
    assertThat(json.get("time").asText()).isEqualTo("2023-04-10T23:36:15.711366Z");
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
    boolean linkEvent = sample.event().eventType().startsWith("linkdef_");
    assertThat(json.get("source").asText()).isEqualTo(linkEvent ? "n/a" : SampleEvents.HOST);
    assertThat(new TreeSet<>(fieldNames(json.get("data"))))
        .isEqualTo(new TreeSet<>(sample.dataKeys()));
    assertThat(nulls(json, "$")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyEventRoundTrips(SampleEvents.Sample sample) {
    byte[] bytes = EventCodec.encode(sample.event(), SampleEvents.HOST, CLOCK);
    CloudEvent envelope = EventCodec.decode(bytes);

    assertThat(EventCodec.toEvent(envelope)).isEqualTo(sample.event());
    assertThat(EventCodec.decodeEvent(bytes)).isEqualTo(sample.event());
    assertThat(envelope.time()).isEqualTo(Instant.parse("2023-04-10T23:36:15.711366Z"));
    assertThat(EventCodec.encode(envelope)).isEqualTo(bytes);
  }

  @Test
  void claimsAreWrittenAsStrictConsumersReadThem() {
    JsonNode claims =
        tree(EventCodec.encode(SampleEvents.all().get(3).event(), SampleEvents.HOST, CLOCK))
            .get("data")
            .get("claims");

    assertThat(fieldNames(claims))
        .containsExactlyInAnyOrder(
            "call_alias",
            "caps",
            "issuer",
            "tags",
            "name",
            "version",
            "revision",
            "not_before_human",
            "expires_human");
    assertThat(claims.get("caps").isArray()).isTrue();
    assertThat(claims.get("tags").isArray()).isTrue();
    assertThat(claims.get("revision").isInt()).isTrue();
    assertThat(claims.get("version").isTextual()).isTrue();
  }

  @Test
  void eventsGoToTheirSubjects() {
    assertThat(new ActorStopped("M", "i", Map.of()).subject("lab")).isEqualTo("wasmbus.evt.lab");
    assertThat(SampleEvents.all().get(20).event().subject("lab")).isEqualTo("wasmbus.rpcevt.lab");
  }

  @Test
  void theSpecsEnvelopeSampleDecodes() {
    CloudEvent e =
        EventCodec.decode(
            bytes(
                """
                {"specversion":"1.0","id":"8d0f5b2e-3a41-4f5c-b2f6-3b1a0f4b6c1d",
                 "type":"com.wasmcloud.lattice.actor_stopped","source":"%s",
                 "time":"2023-04-10T23:36:15.711366Z","datacontenttype":"application/json",
                 "data":{"public_key":"%s","instance_id":"%s"}}
                """
                    .formatted(SampleEvents.HOST, SampleEvents.ECHO, SampleEvents.INSTANCE)));

    assertThat(e.eventType()).isEqualTo("actor_stopped");
    assertThat(e.source()).isEqualTo(SampleEvents.HOST);
    assertThat(EventCodec.toEvent(e))
        .isEqualTo(new ActorStopped(SampleEvents.ECHO, SampleEvents.INSTANCE, Map.of()));
  }

  @Test
  void otpNullsAndOldShapesDecode() {
    LatticeEvent started =
        EventCodec.decodeEvent(
            envelope(
                "provider_started",
                "{\"public_key\":\"V1\",\"image_ref\":\"r\",\"link_name\":\"default\","
                    + "\"contract_id\":\"c\",\"instance_id\":\"i\",\"annotations\":null,"
                    + "\"claims\":{\"issuer\":\"A\",\"tags\":null,\"name\":\"n\",\"version\":null}}"));
    assertThat(((ProviderStarted) started).claims().version()).isEmpty();

    HostHeartbeat old =
        (HostHeartbeat)
            EventCodec.decodeEvent(
                envelope(
                    "host_heartbeat",
                    "{\"actors\":[{\"public_key\":\"M1\",\"instance_id\":\"a\"},"
                        + "{\"public_key\":\"M1\",\"instance_id\":\"b\"}],\"providers\":[],"
                        + "\"labels\":{}}"));
    assertThat(old.actors()).containsExactly(Map.entry("M1", 2));
  }

  @Test
  void theHeartbeatSampleDecodes() {
    HostHeartbeat hb =
        (HostHeartbeat)
            EventCodec.decodeEvent(
                envelope(
                    "host_heartbeat",
                    """
                    {"actors":{"%s":3},
                     "providers":[{"public_key":"%s","link_name":"default","contract_id":"wasmcloud:httpserver"}],
                     "labels":{"hostcore.os":"linux"},"friendly_name":"misty-river-4231",
                     "version":"0.63.2","uptime_seconds":6714,"uptime_human":"1 hour, 51 minutes, 54 seconds"}
                    """
                        .formatted(SampleEvents.ECHO, SampleEvents.HTTP)));

    assertThat(hb.actors()).containsEntry(SampleEvents.ECHO, 3);
    assertThat(hb.providers())
        .singleElement()
        .extracting(HeartbeatProvider::linkName)
        .isEqualTo("default");
    assertThat(hb.uptimeHuman()).isEqualTo(Uptime.human(6714));
  }

  @Test
  void unknownTypesAndBadEnvelopesAreDecodeExceptions() {
    CloudEvent scaled = EventCodec.decode(envelope("actor_scaled", "{}"));
    assertThat(EventCodec.isKnown(scaled.eventType())).isFalse();
    assertThatThrownBy(() -> EventCodec.toEvent(scaled))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unknown event type 'actor_scaled'");
    assertThatThrownBy(() -> EventCodec.decode(bytes("{\"specversion\":\"1.0\",\"id\":\"x\"}")))
        .hasMessage("failed to decode CloudEvent: field 'type' is missing");
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    bytes(
                        "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\","
                            + "\"time\":\"yesterday\"}")))
        .hasMessageContaining("RFC 3339");
  }

  private static byte[] envelope(String type, String data) {
    return bytes(
        "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"com.wasmcloud.lattice."
            + type
            + "\",\"source\":\"N\",\"time\":\"2023-04-10T23:36:15.711366+00:00\","
            + "\"datacontenttype\":\"application/json\",\"data\":"
            + data
            + "}");
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> nulls(JsonNode node, String path) {
    List<String> out = new ArrayList<>();
    if (node.isNull()) {
      out.add(path);
    }
    node.fields().forEachRemaining(e -> out.addAll(nulls(e.getValue(), path + "." + e.getKey())));
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      out.addAll(nulls(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }
}
