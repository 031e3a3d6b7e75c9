package dev.trellis.interfaces.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.GoldenVectors;
import dev.trellis.interfaces.RawMsgpack;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkDefinitionCodecTest {
  private static final LinkDefinition LINK =
      new LinkDefinition(
          "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5",
          "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB",
          "default",
          "wasmcloud:keyvalue",
          Map.of("URL", "redis://127.0.0.1:6379", "A", "1"));

  @Test
  void linkIdMatchesTheControlPlaneVector() {
    JsonNode v = GoldenVectors.load("link-id.json");
    LinkDefinition link =
        new LinkDefinition(
            v.get("actor_id").asText(),
            "Vx",
            v.get("link_name").asText(),
            v.get("contract_id").asText(),
            null);
    assertThat(link.id()).isEqualTo(v.get("link_id").asText());
    assertThat(
            LinkId.of(
                v.get("actor_id").asText(),
                v.get("contract_id").asText(),
                v.get("link_name").asText()))
        .isEqualTo("B40411AD09B70A2C83D59923584F66BA2C5A3C274DC4F19416DA49CCD6531F9C");
  }

  @Test
  void msgpackRoundTripHasNoId() {
    byte[] bytes = LinkDefinitionCodec.encode(LINK);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("\u00a2id");
    assertThat(LinkDefinitionCodec.decode(bytes)).isEqualTo(LINK);
  }

  @Test
  void jsonCarriesTheDerivedIdFirst() {
    String json = new String(LinkDefinitionCodec.encodeJson(LINK), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"id\":\"" + LINK.id() + "\",\"actor_id\":")
        .contains("\"values\":{\"A\":\"1\",\"URL\":\"redis://127.0.0.1:6379\"}");
    assertThat(LinkDefinitionCodec.decodeJson(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(LINK);
  }

  @Test
  void jsonWithoutIdOrValuesIsAccepted() {
    String json =
        "{\"actor_id\":\"M1\",\"provider_id\":\"V1\",\"link_name\":\"default\","
            + "\"contract_id\":\"wasmcloud:httpserver\",\"deleted\":false}";
    LinkDefinition link = LinkDefinitionCodec.decodeJson(json.getBytes(StandardCharsets.UTF_8));
    assertThat(link.values()).isEmpty();
    assertThat(link.id()).isEqualTo(LinkId.of("M1", "wasmcloud:httpserver", "default"));
  }

  @Test
  void identityFieldsAreRequired() {
    byte[] bytes = new RawMsgpack().map(1).str("provider_id").str("V").build();
    assertThatThrownBy(() -> LinkDefinitionCodec.decode(bytes))
        .isInstanceOf(DecodeException.class)
        .hasMessage("failed to decode LinkDefinition: field 'actor_id' is missing");
    assertThatThrownBy(
            () ->
                LinkDefinitionCodec.decodeJson("{\"actor_id\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage(
            "failed to decode LinkDefinition: field 'actor_id' must be a string, found number");
  }

  @Test
  void valuesMayBeNilAndNilValuesAreDropped() {
    byte[] bytes =
        new RawMsgpack()
            .map(5)
            .str("actor_id")
            .str("M")
            .str("provider_id")
            .str("V")
            .str("link_name")
            .str("l")
            .str("contract_id")
            .str("c")
            .str("values")
            .map(2)
            .str("k")
            .str("v")
            .str("gone")
            .nil()
            .build();
    assertThat(LinkDefinitionCodec.decode(bytes).values()).containsExactly(Map.entry("k", "v"));
  }
}
