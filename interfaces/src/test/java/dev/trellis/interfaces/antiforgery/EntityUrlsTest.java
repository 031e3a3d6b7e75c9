package dev.trellis.interfaces.antiforgery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.keys.GoldenVectors;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EntityUrlsTest {
  static WasmCloudEntity entity(JsonNode node) {
    return new WasmCloudEntity(
        node.get("public_key").asText(),
        node.get("contract_id").asText(),
        node.get("link_name").asText());
  }

  @Test
  void entityUrlVectors() {
    JsonNode cases = GoldenVectors.load("entity-urls.json").get("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(5);
    for (JsonNode c : cases) {
      assertThat(EntityUrls.of(entity(c.get("entity"))))
          .as(c.get("entity").toString())
          .isEqualTo(c.get("url").asText());
    }
  }

  @Test
  void a3UrlsAndHash() {
    JsonNode v = GoldenVectors.load("a3-invocation-hash.json");
    WasmCloudEntity origin = entity(v.get("origin"));
    WasmCloudEntity target = entity(v.get("target"));
    String operation = v.get("operation").asText();
    byte[] msg = HexFormat.of().parseHex(v.get("msg_hex").asText());

    assertThat(EntityUrls.of(origin)).isEqualTo(v.get("origin_url").asText());
    assertThat(EntityUrls.target(target, operation)).isEqualTo(v.get("target_url").asText());
    assertThat(InvocationHash.of(origin, target, operation, msg)).isEqualTo(v.get("hash").asText());
    assertThat(
            InvocationHash.compute(
                v.get("origin_url").asText(), v.get("target_url").asText(), operation, msg))
        .isEqualTo(v.get("hash").asText());
  }

  @Test
  void lowerCaseActorKeysAreActorsToo() {
    assertThat(EntityUrls.of(WasmCloudEntity.actor("mbcf"))).isEqualTo("wasmbus://mbcf");
    assertThat(EntityUrls.of(new WasmCloudEntity("VKEY", "Acme:Big Store", "Second Link")))
        .isEqualTo("wasmbus://acme/big_store/second_link/VKEY");
  }
}
