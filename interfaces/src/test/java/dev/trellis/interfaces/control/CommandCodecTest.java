package dev.trellis.interfaces.control;

import static dev.trellis.interfaces.control.JsonAssert.bytes;
import static dev.trellis.interfaces.control.JsonAssert.keys;
import static dev.trellis.interfaces.control.JsonAssert.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.wire.LinkDefinition;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandCodecTest {

  @Test
  void ackAlwaysCarriesBothKeys() {
    assertThat(new String(CommandCodec.encode(CtlOperationAck.success())))
        .isEqualTo("{\"accepted\":true,\"error\":\"\"}");
    assertThat(new String(CommandCodec.encode(CtlOperationAck.failure("nope"))))
        .isEqualTo("{\"accepted\":false,\"error\":\"nope\"}");
    assertThat(CommandCodec.decodeAck(bytes("{\"accepted\":true}")))
        .isEqualTo(CtlOperationAck.success());
  }

  @Test
  void startActorAsTheCrateSendsIt() {
    StartActorCommand c =
        CommandCodec.decodeStartActor(
            bytes(
                "{\"actor_ref\":\"wasmcloud.azurecr.io/echo:0.3.4\",\"count\":3,"
                    + "\"host_id\":\""
                    + Keys.HOST
                    + "\",\"annotations\":{\"wasmcloud.dev/appspec\":\"echo\"}}"));

    assertThat(c.actorRef()).isEqualTo("wasmcloud.azurecr.io/echo:0.3.4");
    assertThat(c.count()).isEqualTo(3);
    assertThat(c.hostId()).isEqualTo(Keys.HOST);
    assertThat(c.annotations()).containsEntry("wasmcloud.dev/appspec", "echo");
    assertThat(CommandCodec.decodeStartActor(CommandCodec.encode(c))).isEqualTo(c);
  }

  @Test
  void startActorCountDefaultsToOneAndZeroMeansOne() {
    assertThat(CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\"}")).count()).isEqualTo(1);
    assertThat(CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\",\"count\":null}")).count())
        .isEqualTo(1);
    assertThat(CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\",\"count\":0}")).count())
        .isEqualTo(1);
    assertThat(
            CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\",\"annotations\":null}"))
                .annotations())
        .isEmpty();
  }

  @Test
  void encodingLeavesOutEmptyOptionals() {
    JsonNode start = tree(CommandCodec.encode(StartActorCommand.of("r", Keys.HOST)));
    JsonNode provider =
        tree(CommandCodec.encode(StartProviderCommand.of("ref", "default", Keys.HOST)));
    JsonNode stop = tree(CommandCodec.encode(new StopHostCommand(Keys.HOST, null)));

    assertThat(keys(start)).containsExactlyInAnyOrder("actor_ref", "count", "host_id");
    assertThat(keys(provider)).containsExactlyInAnyOrder("provider_ref", "link_name", "host_id");
    assertThat(keys(stop)).containsExactly("host_id");
    assertThat(keys(tree(CommandCodec.encode(new StopHostCommand(Keys.HOST, 2000L)))))
        .contains("timeout");
  }

  @Test
  void stopActorNeedsRefAndCount() {
    StopActorCommand c =
        CommandCodec.decodeStopActor(
            bytes("{\"actor_ref\":\"" + Keys.ECHO + "\",\"count\":0,\"host_id\":\"N\"}"));
    assertThat(c.count()).isZero();
    assertThat(CommandCodec.decodeStopActor(CommandCodec.encode(c))).isEqualTo(c);

    assertAck(
        () -> CommandCodec.decodeStopActor(bytes("{\"actor_ref\":\"M\"}")),
        CtlErrors.INVALID_STOP_ACTOR,
        "field 'count' is missing");
    assertAck(
        () -> CommandCodec.decodeStopActor(bytes("{\"actor_ref\":null,\"count\":1}")),
        CtlErrors.INVALID_STOP_ACTOR,
        "field 'actor_ref' is missing");
  }

  @Test
  void scaleAcceptsAnEmptyRefButNeedsEveryField() {
    ScaleActorCommand c =
        CommandCodec.decodeScaleActor(
            bytes("{\"actor_id\":\"" + Keys.ECHO + "\",\"actor_ref\":\"\",\"count\":4}"));
    assertThat(c.actorRef()).isEmpty();
    assertThat(c.count()).isEqualTo(4);
    assertThat(CommandCodec.decodeScaleActor(CommandCodec.encode(c))).isEqualTo(c);

    assertAck(
        () -> CommandCodec.decodeScaleActor(bytes("{\"actor_id\":\"M\",\"count\":4}")),
        CtlErrors.INVALID_SCALE_ACTOR,
        "field 'actor_ref' is missing");
  }

  @Test
  void updateNeedsOnlyTheNewRef() {
    UpdateActorCommand c = CommandCodec.decodeUpdateActor(bytes("{\"new_actor_ref\":\"x:2\"}"));
    assertThat(c.actorId()).isEmpty();
    assertThat(CommandCodec.decodeUpdateActor(CommandCodec.encode(c))).isEqualTo(c);
    assertAck(
        () -> CommandCodec.decodeUpdateActor(bytes("{\"actor_id\":\"M\"}")),
        CtlErrors.INVALID_UPDATE_ACTOR,
        "new_actor_ref");
  }

  @Test
  void startProviderKeepsConfigurationVerbatim() {
    StartProviderCommand c =
        CommandCodec.decodeStartProvider(
            bytes(
                "{\"provider_ref\":\"wasmcloud.azurecr.io/httpserver:0.17.0\",\"link_name\":"
                    + "\"default\",\"host_id\":\"N\",\"configuration\":\"{\\\"a\\\": 1}\"}"));
    assertThat(c.configuration()).isEqualTo("{\"a\": 1}");
    assertThat(CommandCodec.decodeStartProvider(CommandCodec.encode(c))).isEqualTo(c);

    StartProviderCommand fromObject =
        CommandCodec.decodeStartProvider(
            bytes(
                "{\"provider_ref\":\"r\",\"link_name\":\"default\",\"configuration\":{\"a\":1}}"));
    assertThat(fromObject.configuration()).isEqualTo("{\"a\":1}");
    assertAck(
        () -> CommandCodec.decodeStartProvider(bytes("{\"provider_ref\":\"r\"}")),
        CtlErrors.INVALID_START_PROVIDER,
        "field 'link_name' is missing");
  }

  @Test
  void stopProviderRequiresAPublicKey() {
    StopProviderCommand c =
        CommandCodec.decodeStopProvider(
            bytes(
                "{\"provider_ref\":\""
                    + Keys.HTTPSERVER
                    + "\",\"link_name\":\"default\",\"contract_id\":\"wasmcloud:httpserver\"}"));
    assertThat(c.contractId()).isEqualTo("wasmcloud:httpserver");
    assertThat(CommandCodec.decodeStopProvider(CommandCodec.encode(c))).isEqualTo(c);

    assertAck(
        () ->
            CommandCodec.decodeStopProvider(
                bytes(
                    "{\"provider_ref\":\"wasmcloud.azurecr.io/httpserver:0.17.0\","
                        + "\"link_name\":\"default\"}")),
        "Invalid JSON request for stop provider",
        "56 characters");
  }

  @Test
  void stopHostNamesTheProblemInItsAck() {
    assertThat(CommandCodec.decodeStopHost(bytes("{}"))).isEqualTo(new StopHostCommand("", null));
    assertThatThrownBy(() -> CommandCodec.decodeStopHost(bytes("{\"timeout\":")))
        .isInstanceOfSatisfying(
            InvalidCommandException.class,
            e ->
                assertThat(e.ackError())
                    .startsWith("Unable to parse stop host command: not valid JSON"));
  }

  @Test
  void linkPutAndDelete() {
    LinkDefinition link =
        CommandCodec.decodeLinkPut(
            bytes(
                "{\"actor_id\":\"Mbob\",\"contract_id\":\"wasmcloud:testy\",\"link_name\":"
                    + "\"default\",\"provider_id\":\"V1\"}"));
    assertThat(link.values()).isEmpty();
    assertThat(link.id())
        .isEqualTo("B40411AD09B70A2C83D59923584F66BA2C5A3C274DC4F19416DA49CCD6531F9C");
    assertThat(tree(CommandCodec.encodeLinkPut(link)).get("id").asText()).isEqualTo(link.id());
    assertThat(CommandCodec.decodeLinkPut(CommandCodec.encodeLinkPut(link))).isEqualTo(link);

    LinkDeleteRequest del =
        CommandCodec.decodeLinkDelete(
            bytes(
                "{\"actor_id\":\"Mbob\",\"contract_id\":\"wasmcloud:testy\",\"link_name\":\"default\"}"));
    assertThat(del.linkId()).isEqualTo(link.id());
    assertThat(CommandCodec.decodeLinkDelete(CommandCodec.encode(del))).isEqualTo(del);
  }

  static Stream<Arguments> failureTexts() {
    return Stream.of(
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeStartActor,
            "Invalid launch actor JSON request"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeStopActor,
            "Invalid request to stop actor"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeScaleActor,
            "Invalid scale actor JSON request"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeUpdateActor,
            "Invalid JSON request to update actor"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeStartProvider,
            "Improperly formed start provider command JSON"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeStopProvider,
            "Invalid JSON request for stop provider"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeLinkPut,
            "Invalid link definition put request"),
        Arguments.of(
            (Function<byte[], Object>) CommandCodec::decodeLinkDelete,
            "Invalid link definition removal request"),
        Arguments.of(
            (Function<byte[], Object>) AuctionCodec::decodeActorRequest,
            "Invalid JSON request for actor auction"),
        Arguments.of(
            (Function<byte[], Object>) AuctionCodec::decodeProviderRequest,
            "Invalid JSON request to auction provider"));
  }

  @ParameterizedTest
  @MethodSource("failureTexts")
  void everyRequestFailsWithOtpsTextForMissingFieldsAndBadJson(
      Function<byte[], Object> decoder, String otpText) {
    for (String body : new String[] {"{}", "", "[1]", "{\"a\":", "null", "\"x\""}) {
      assertThatThrownBy(() -> decoder.apply(bytes(body)))
          .as(body)
          .isInstanceOfSatisfying(
              InvalidCommandException.class, e -> assertThat(e.ackError()).isEqualTo(otpText));
    }
  }

  @Test
  void errorsNameTheFieldButNeverEchoTheInput() {
    String secret = "SUAEL6GG2L2HIF7DUGZJGMRUFKXELGGYFMHF76UO2AYBG3K4YLWR3FKC2Q";
    assertThatThrownBy(
            () ->
                CommandCodec.decodeStartActor(
                    bytes("{\"actor_ref\":\"r\",\"count\":\"" + secret + "\"}")))
        .hasMessage(
            "failed to decode StartActorCommand: field 'count' must be an integer within"
                + " 0..65535, found string")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> CommandCodec.decodeStartActor(bytes("{\"" + secret + "\" x")))
        .hasMessageStartingWith("failed to decode StartActorCommand: not valid JSON at line 1")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(
            () ->
                CommandCodec.decodeStartActor(
                    bytes("{\"actor_ref\":\"r\",\"annotations\":{\"k\":1}}")))
        .hasMessageContaining("field 'annotations' must be an object of strings");
  }

  @Test
  void countsOutsideU16AreRefused() {
    assertAck(
        () -> CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\",\"count\":65536}")),
        CtlErrors.INVALID_LAUNCH_ACTOR,
        "0..65535");
    assertAck(
        () -> CommandCodec.decodeStopActor(bytes("{\"actor_ref\":\"r\",\"count\":-1}")),
        CtlErrors.INVALID_STOP_ACTOR,
        "0..65535");
    assertThat(
            CommandCodec.decodeStartActor(bytes("{\"actor_ref\":\"r\",\"count\":65535}")).count())
        .isEqualTo(65535);
  }

  @Test
  void unknownKeysAreIgnored() {
    assertThat(
            CommandCodec.decodeStartActor(
                bytes("{\"actor_ref\":\"r\",\"max_concurrent\":9,\"extra\":{\"x\":[1]}}")))
        .isEqualTo(new StartActorCommand("r", 1, "", Map.of()));
  }

  private static void assertAck(Runnable call, String ackError, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidCommandException.class, e -> assertThat(e.ackError()).isEqualTo(ackError))
        .hasMessageContaining(messagePart);
  }
}
