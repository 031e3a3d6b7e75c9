package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static dev.trellis.interfaces.control.JsonAssert.keys;
import static dev.trellis.interfaces.control.JsonAssert.nulls;
import static dev.trellis.interfaces.control.JsonAssert.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.DecodeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostCodecTest {
  /** The sample of controlplane §3.2, filled in. */
  static final String INVENTORY_SAMPLE =
      """
      {
        "host_id": "%s", "issuer": "%s", "friendly_name": "misty-river-4231",
        "labels": {"hostcore.os":"linux","hostcore.arch":"x86_64","hostcore.osfamily":"unix","zone":"a"},
        "actors": [
          {"id":"%s","image_ref":"wasmcloud.azurecr.io/echo:0.3.4","name":"Echo",
           "instances":[{"annotations":{},"instance_id":"6b0bd0d8-5d4c-4a4a-a3a4-2f6bb6c0f1b9","revision":4}]}
        ],
        "providers": [
          {"id":"%s","image_ref":"wasmcloud.azurecr.io/httpserver:0.17.0","contract_id":"wasmcloud:httpserver","link_name":"default",
           "name":"HTTP Server","instance_id":"0f1b46a5-6a2a-4d5c-9e49-12cf3c4a1b27","annotations":{},"revision":0}
        ]
      }
      """
          .formatted(Keys.HOST, Keys.CLUSTER, Keys.ECHO, Keys.HTTPSERVER);

  @Test
  void inventorySampleRoundTrips() {
    HostInventory inv = HostCodec.decodeInventory(bytes(INVENTORY_SAMPLE));

    assertThat(inv.hostId()).isEqualTo(Keys.HOST);
    assertThat(inv.labels()).containsEntry("zone", "a").hasSize(4);
    ActorDescription echo = inv.actors().get(0);
    assertThat(echo.name()).isEqualTo("Echo");
    assertThat(echo.instances())
        .singleElement()
        .satisfies(i -> assertThat(i.revision()).isEqualTo(4));
    ProviderDescription http = inv.providers().get(0);
    assertThat(http.contractId()).isEqualTo("wasmcloud:httpserver");
    assertThat(http.linkName()).isEqualTo("default");

    assertThat(tree(HostCodec.encode(inv))).isEqualTo(tree(INVENTORY_SAMPLE));
    assertThat(HostCodec.decodeInventory(HostCodec.encode(inv))).isEqualTo(inv);
  }

  @Test
  void anEmptyInventoryStillCarriesTheRequiredKeys() {
    JsonNode json = tree(HostCodec.encode(new HostInventory(Keys.HOST, "", "", null, null, null)));

    assertThat(keys(json))
        .containsExactlyInAnyOrder(
            "host_id", "issuer", "friendly_name", "labels", "actors", "providers");
    assertThat(json.get("actors").isArray()).isTrue();
    assertThat(json.get("providers").isArray()).isTrue();
    assertThat(json.get("labels").isObject()).isTrue();
  }

  @Test
  void unknownNamesAreEmptyStringsNotNulls() {
    HostInventory inv =
        new HostInventory(
            Keys.HOST,
            Keys.CLUSTER,
            "x",
            Map.of(),
            List.of(
                new ActorDescription(
                    Keys.ECHO, null, null, List.of(new ActorInstance(null, "i", 0)))),
            List.of(
                new ProviderDescription(
                    Keys.HTTPSERVER,
                    null,
                    "wasmcloud:httpserver",
                    "default",
                    null,
                    null,
                    null,
                    0)));

    assertThat(nulls(tree(HostCodec.encode(inv)))).isEmpty();
  }

  @Test
  void pingReplyCarriesEveryFieldAndJoinsIssuers() {
    Host host =
        new Host(
            Keys.HOST,
            Keys.CLUSTER,
            Map.of("hostcore.os", "linux"),
            "misty-river-4231",
            6714,
            "1 hour, 51 minutes, 54 seconds",
            "0.63.2",
            List.of(Keys.CLUSTER, "COTHER"),
            null,
            "127.0.0.1",
            "127.0.0.1",
            "127.0.0.1",
            "default");
    JsonNode json = tree(HostCodec.encode(host));

    assertThat(keys(json))
        .containsExactlyInAnyOrder(
            "id",
            "issuer",
            "labels",
            "friendly_name",
            "uptime_seconds",
            "uptime_human",
            "version",
            "cluster_issuers",
            "js_domain",
            "ctl_host",
            "rpc_host",
            "prov_rpc_host",
            "lattice_prefix");
    assertThat(json.get("cluster_issuers").asText()).isEqualTo(Keys.CLUSTER + ",COTHER");
    assertThat(json.get("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(json.get("js_domain").isNull()).isTrue();
    assertThat(HostCodec.decodeHost(HostCodec.encode(host))).isEqualTo(host);
  }

  @Test
  void oldPingRepliesDecode() {
    Host old = HostCodec.decodeHost(bytes("{\"id\":\"" + Keys.HOST + "\",\"uptime_seconds\":3}"));

    assertThat(old.uptimeSeconds()).isEqualTo(3);
    assertThat(old.clusterIssuers()).isEmpty();
    assertThat(old.labels()).isEmpty();
    assertThatThrownBy(() -> HostCodec.decodeHost(bytes("{\"uptime_seconds\":3}")))
        .isInstanceOf(DecodeException.class)
        .isNotInstanceOf(InvalidCommandException.class)
        .hasMessage("failed to decode Host: field 'id' is missing");
  }

  @Test
  void nestedErrorsNameThePath() {
    assertThatThrownBy(
            () ->
                HostCodec.decodeInventory(
                    bytes(
                        "{\"host_id\":\"N\",\"actors\":[{\"id\":\"M\",\"instances\":[{\"revision\":1}]}]}")))
        .hasMessage(
            "failed to decode HostInventory: field 'actors[0].instances[0].instance_id' is"
                + " missing");
  }
}
