package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static dev.trellis.interfaces.control.JsonAssert.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.GoldenVectors;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatticeDataCodecTest {

  @Test
  void actorClaimsBecomeAllStringValues() {
    Claims<ActorMetadata> claims =
        Claims.builder(
                ActorMetadata.builder()
                    .withName("Echo")
                    .addCap("wasmcloud:httpserver")
                    .addCap("wasmcloud:keyvalue")
                    .addTag("demo")
                    .withRevision(4)
                    .withVersion("0.3.4")
                    .withCallAlias("echo")
                    .build())
            .withIssuer(Keys.ACCOUNT)
            .withSubject(Keys.ECHO)
            .build();

    JsonNode json = tree(LatticeDataCodec.encode(ClaimsRecord.ofActor(claims)));

    assertThat(json)
        .isEqualTo(
            tree(
                """
                {"call_alias":"echo","caps":"wasmcloud:httpserver,wasmcloud:keyvalue",
                 "contract_id":"","iss":"%s","name":"Echo","rev":"4","sub":"%s",
                 "tags":"demo","version":"0.3.4"}
                """
                    .formatted(Keys.ACCOUNT, Keys.ECHO)));
    json.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).isTrue());
  }

  @Test
  void absentClaimsFieldsAreEmptyOrZero() {
    Claims<ActorMetadata> bare =
        Claims.builder(ActorMetadata.builder().build())
            .withIssuer(Keys.ACCOUNT)
            .withSubject(Keys.ECHO)
            .build();
    ClaimsRecord record = ClaimsRecord.ofActor(bare);

    assertThat(record.name()).isEmpty();
    assertThat(record.version()).isEmpty();
    assertThat(record.revision()).isEqualTo("0");
    assertThat(record.caps()).isEmpty();
    assertThat(JsonAssert.nulls(tree(LatticeDataCodec.encode(record)))).isEmpty();
  }

  @Test
  void providerClaimsCarryTheContractAndSchema() {
    Claims<ProviderMetadata> claims =
        Claims.builder(
                new ProviderMetadata(
                    "HTTP Server",
                    "wasmcloud:httpserver",
                    "wasmCloud",
                    17,
                    null,
                    Map.of(),
                    "{\"type\":\"object\"}"))
            .withIssuer(Keys.ACCOUNT)
            .withSubject(Keys.HTTPSERVER)
            .build();
    ClaimsRecord record = ClaimsRecord.ofProvider(claims);
    JsonNode json = tree(LatticeDataCodec.encode(record));

    assertThat(json.get("contract_id").asText()).isEqualTo("wasmcloud:httpserver");
    assertThat(json.get("caps").asText()).isEmpty();
    assertThat(json.get("version").asText()).isEmpty();
    assertThat(json.get("rev").asText()).isEqualTo("17");
    assertThat(json.get("config_schema").asText()).isEqualTo("{\"type\":\"object\"}");
    assertThat(LatticeDataCodec.decodeClaims(LatticeDataCodec.encode(record))).isEqualTo(record);
    assertThat(record.key()).isEqualTo("CLAIMS_" + Keys.HTTPSERVER);
  }

  @Test
  void claimsWrittenByOthersAreReadLeniently() {
    ClaimsRecord r =
        LatticeDataCodec.decodeClaims(
            bytes(
                "{\"sub\":\"M1\",\"iss\":\"A1\",\"name\":null,\"rev\":7,"
                    + "\"caps\":[\"a:b\",\"c:d\"],\"tags\":\"\",\"version\":null,\"x\":1}"));

    assertThat(r.name()).isEmpty();
    assertThat(r.revision()).isEqualTo("7");
    assertThat(r.revisionNumber()).isEqualTo(7);
    assertThat(r.caps()).isEqualTo("a:b,c:d");
    assertThat(r.capabilities()).containsExactly("a:b", "c:d");
    assertThat(r.tagList()).isEmpty();
    assertThat(r.version()).isEmpty();
    assertThatThrownBy(() -> LatticeDataCodec.decodeClaims(bytes("{\"iss\":\"A\"}")))
        .hasMessage("failed to decode ClaimsRecord: field 'sub' is missing");
  }

  @Test
  void refmapKeyMatchesTheSpecExample() {
    RefMap r = new RefMap("wasmcloud.azurecr.io/echo:0.3.4", Keys.ECHO);

    assertThat(r.key()).isEqualTo("REFMAP_d2FzbWNsb3VkLmF6dXJlY3IuaW8vZWNobzowLjMuNA");
    assertThat(r.key()).isEqualTo(Subjects.refmapKey(r.ociUrl()));
    assertThat(tree(LatticeDataCodec.encode(r)))
        .isEqualTo(
            tree(
                "{\"oci_url\":\"wasmcloud.azurecr.io/echo:0.3.4\",\"public_key\":\""
                    + Keys.ECHO
                    + "\"}"));
    assertThat(LatticeDataCodec.decodeRefMap(LatticeDataCodec.encode(r))).isEqualTo(r);
  }

  @Test
  void linkIdVectorHoldsForLinksOfTheControlInterface() {
    JsonNode v = GoldenVectors.load("link-id.json");
    LinkDeleteRequest del =
        new LinkDeleteRequest(
            v.get("actor_id").asText(), v.get("contract_id").asText(), v.get("link_name").asText());
    LinkDefinition link =
        new LinkDefinition(
            del.actorId(), "Vprovider", del.linkName(), del.contractId(), Map.of("K", "V"));

    assertThat(del.linkId()).isEqualTo(v.get("link_id").asText());
    GetLinksReply reply = new GetLinksReply(List.of(link));
    JsonNode json = tree(LatticeDataCodec.encode(reply));
    assertThat(json.get("links").get(0).get("id").asText()).isEqualTo(v.get("link_id").asText());
    assertThat(LatticeDataCodec.decodeLinksReply(LatticeDataCodec.encode(reply))).isEqualTo(reply);
  }

  @Test
  void claimsReplyRoundTrips() {
    GetClaimsReply reply =
        new GetClaimsReply(
            List.of(
                new ClaimsRecord(
                    Keys.ECHO, Keys.ACCOUNT, "Echo", "", "a:b", "1", "", "1.0", "", null)));
    assertThat(LatticeDataCodec.decodeClaimsReply(LatticeDataCodec.encode(reply))).isEqualTo(reply);
    assertThat(LatticeDataCodec.decodeClaimsReply(bytes("{\"claims\":[]}")).claims()).isEmpty();
  }
}
