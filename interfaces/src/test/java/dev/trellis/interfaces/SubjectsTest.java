package dev.trellis.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.wire.LinkDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {
  private static final String CTL = Subjects.DEFAULT_CTL_PREFIX;
  private static final String A = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  private static final String V = "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB";
  private static final String N = "NAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3RSWB";

  @Test
  void dataPlaneSubjects() {
    assertThat(Subjects.actorRpc("default", A)).isEqualTo("wasmbus.rpc.default." + A);
    assertThat(Subjects.actorRpcQueue("default", A)).isEqualTo("wasmbus.rpc.default." + A);
    assertThat(Subjects.providerRpc("default", V, "default"))
        .isEqualTo("wasmbus.rpc.default." + V + ".default");
    assertThat(Subjects.PROVIDER_RPC_QUEUE).isEqualTo("rpc");
    assertThat(Subjects.linkdefsPut("lat", V, "l1"))
        .isEqualTo("wasmbus.rpc.lat." + V + ".l1.linkdefs.put");
    assertThat(Subjects.linkdefsDel("lat", V, "l1"))
        .isEqualTo("wasmbus.rpc.lat." + V + ".l1.linkdefs.del");
    assertThat(Subjects.providerHealth("lat", V, "l1"))
        .isEqualTo("wasmbus.rpc.lat." + V + ".l1.health");
    assertThat(Subjects.providerShutdown("lat", V, "l1"))
        .isEqualTo("wasmbus.rpc.lat." + V + ".l1.shutdown");
    assertThat(Subjects.rpcEvents("lat")).isEqualTo("wasmbus.rpcevt.lat");
    assertThat(Subjects.events("lat")).isEqualTo("wasmbus.evt.lat");
    assertThat(Subjects.configService("lat")).isEqualTo("wasmbus.cfg.lat.req");
  }

  @Test
  void controlInterfaceSubjects() {
    String p = "wasmbus.ctl.default.";
    assertThat(Subjects.ctlQueue(CTL, "default")).isEqualTo("wasmbus.ctl.default");
    assertThat(Subjects.pingHosts(CTL, "default")).isEqualTo(p + "ping.hosts");
    assertThat(Subjects.getClaims(CTL, "default")).isEqualTo(p + "get.claims");
    assertThat(Subjects.getLinks(CTL, "default")).isEqualTo(p + "get.links");
    assertThat(Subjects.hostInventory(CTL, "default", N)).isEqualTo(p + "get." + N + ".inv");
    assertThat(Subjects.ctlLinkdefsPut(CTL, "default")).isEqualTo(p + "linkdefs.put");
    assertThat(Subjects.ctlLinkdefsDel(CTL, "default")).isEqualTo(p + "linkdefs.del");
    assertThat(Subjects.registriesPut(CTL, "default")).isEqualTo(p + "registries.put");
    assertThat(Subjects.auctionActor(CTL, "default")).isEqualTo(p + "auction.actor");
    assertThat(Subjects.auctionProvider(CTL, "default")).isEqualTo(p + "auction.provider");
    assertThat(Subjects.launchActor(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".la");
    assertThat(Subjects.stopActor(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".sa");
    assertThat(Subjects.scaleActor(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".scale");
    assertThat(Subjects.updateActor(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".upd");
    assertThat(Subjects.launchProvider(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".lp");
    assertThat(Subjects.stopProvider(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".sp");
    assertThat(Subjects.stopHost(CTL, "default", N)).isEqualTo(p + "cmd." + N + ".stop");
  }

  @Test
  void hostWildcardSubscriptions() {
    String p = "wasmbus.ctl.default.";
    assertThat(Subjects.ctlGetWildcard(CTL, "default")).isEqualTo(p + "get.*");
    assertThat(Subjects.ctlLinkdefsWildcard(CTL, "default")).isEqualTo(p + "linkdefs.*");
    assertThat(Subjects.ctlAuctionWildcard(CTL, "default")).isEqualTo(p + "auction.>");
    assertThat(Subjects.ctlHostCommandsWildcard(CTL, "default", N))
        .isEqualTo(p + "cmd." + N + ".*");
  }

  @Test
  void theCtlPrefixIsConfigurableButEventsStayPut() {
    assertThat(Subjects.pingHosts("acme.ctl", "prod")).isEqualTo("acme.ctl.prod.ping.hosts");
    assertThat(Subjects.ctlQueue("acme.ctl", "prod")).isEqualTo("acme.ctl.prod");
    assertThat(Subjects.events("prod")).isEqualTo("wasmbus.evt.prod");
  }

  @Test
  void latticeMetadataAndChunkNames() {
    JsonNode v = GoldenVectors.load("link-id.json");
    LinkDefinition link =
        new LinkDefinition(
            v.get("actor_id").asText(),
            V,
            v.get("link_name").asText(),
            v.get("contract_id").asText(),
            null);
    assertThat(Subjects.linkdefKey(link)).isEqualTo("LINKDEF_" + v.get("link_id").asText());
    assertThat(Subjects.latticeDataBucket("default")).isEqualTo("LATTICEDATA_default");
    assertThat(Subjects.claimsKey(A)).isEqualTo("CLAIMS_" + A);
    assertThat(Subjects.refmapKey("wasmcloud.azurecr.io/echo:0.3.4"))
        .isEqualTo("REFMAP_d2FzbWNsb3VkLmF6dXJlY3IuaW8vZWNobzowLjMuNA");
    assertThat(Subjects.chunkBucket("default")).isEqualTo("default");
    assertThat(Subjects.chunkRequestObject("2f7c")).isEqualTo("2f7c");
    assertThat(Subjects.chunkResponseObject("2f7c")).isEqualTo("2f7c-r");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "a>", "a*", "a b", "", "é", "a\tb"})
  void refusesBadLatticePrefixes(String lattice) {
    assertThatThrownBy(() -> Subjects.actorRpc(lattice, A))
        .isInstanceOf(InvalidSubjectException.class)
        .hasMessageStartingWith("failed to build subject:")
        .hasMessageContaining("lattice prefix");
  }

  @Test
  void latticeErrorNamesTheCharacter() {
    assertThatThrownBy(() -> Subjects.validateLatticePrefix("my.lattice"))
        .hasMessage(
            "failed to build subject: lattice prefix 'my.lattice' contains '.'; use letters,"
                + " digits, '-' and '_' only");
    assertThat(Subjects.validateLatticePrefix("Prod_eu-1")).isEqualTo("Prod_eu-1");
  }

  @Test
  void refusesTokensThatBreakSubjects() {
    assertThatThrownBy(() -> Subjects.providerRpc("default", V, "Second Link"))
        .isInstanceOf(InvalidSubjectException.class)
        .hasMessageContaining("link name 'Second Link' contains the control or space character");
    assertThatThrownBy(() -> Subjects.launchActor(CTL, "default", "N.*"))
        .hasMessageContaining("host id 'N.*' contains '.'");
    assertThatThrownBy(() -> Subjects.actorRpc("default", null))
        .hasMessage("failed to build subject: the actor key is empty");
    assertThatThrownBy(() -> Subjects.pingHosts("wasmbus..ctl", "default"))
        .hasMessageContaining("has an empty token");
    assertThatThrownBy(() -> Subjects.pingHosts("wasmbus.>", "default"))
        .hasMessageContaining("ctl prefix 'wasmbus.>' contains '>'");
    assertThatThrownBy(() -> Subjects.refmapKey("")).isInstanceOf(InvalidSubjectException.class);
  }
}
