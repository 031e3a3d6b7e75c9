package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the provider answers to input it cannot serve: every such call gets an error reply (never
 * silence, never a crash) whose text says what was wrong: the operation it does not know, the field
 * that is missing or has the wrong type, the key that holds another kind of value. The provider
 * keeps serving afterwards.
 */
interface KeyValueBadInputSuite {

  KeyValueCalls kv();

  @Test
  default void anUnknownOperationIsAnErrorNamingIt() throws Exception {
    String error = kv().error("KeyValue.Frobnicate", BarePayload.encodeString("k"));

    assertThat(error).contains("KeyValue.Frobnicate");
    assertThat(kv().get("k")).isEqualTo(new GetResponse("", false));
  }

  @Test
  default void aFieldOfTheWrongTypeIsAnErrorNamingIt() throws Exception {
    assertThat(
            kv().error(
                    KeyValue.INCREMENT,
                    map()
                        .mapHeader(2)
                        .key("key")
                        .string("n")
                        .key("value")
                        .string("one")
                        .toByteArray()))
        .contains("'value'");
    assertThat(
            kv().error(
                    KeyValue.SET,
                    map()
                        .mapHeader(3)
                        .key("key")
                        .string("k")
                        .key("value")
                        .string("v")
                        .key("expires")
                        .integer(-1)
                        .toByteArray()))
        .contains("'expires'");
    assertThat(
            kv().error(
                    KeyValue.SET,
                    map()
                        .mapHeader(2)
                        .key("key")
                        .integer(7)
                        .key("value")
                        .string("v")
                        .toByteArray()))
        .contains("'key'");
    assertThat(
            kv().error(
                    KeyValue.LIST_RANGE,
                    map()
                        .mapHeader(3)
                        .key("listName")
                        .string("l")
                        .key("start")
                        .string("0")
                        .key("stop")
                        .integer(1)
                        .toByteArray()))
        .contains("'start'");
    assertThat(kv().contains("k")).as("nothing was stored").isFalse();
  }

  @Test
  default void aPayloadOfTheWrongShapeIsADecodeError() throws Exception {
    assertThat(kv().error(KeyValue.GET, new MsgpackWriter().integer(42).toByteArray()))
        .contains("failed to decode");
    assertThat(kv().error(KeyValue.DEL, new MsgpackWriter().nil().toByteArray()))
        .contains("failed to decode");
    assertThat(kv().error(KeyValue.SET_UNION, BarePayload.encodeString("s")))
        .contains("failed to decode");
    assertThat(kv().error(KeyValue.SET, BarePayload.encodeString("k")))
        .as("a str where a map is expected")
        .contains("failed to decode");
    assertThat(
            kv().error(
                    KeyValue.INCREMENT,
                    new MsgpackWriter().arrayHeader(2).string("n").integer(1).toByteArray()))
        .as("an array where a map is expected")
        .contains("failed to decode");
  }

  @Test
  default void anEmptyOrTruncatedPayloadIsADecodeError() throws Exception {
    assertThat(kv().error(KeyValue.GET, new byte[0])).contains("failed to decode");
    byte[] truncated = {(byte) 0x82, (byte) 0xa3, 'k', 'e', 'y', (byte) 0xa5, 'c', 'o'};
    assertThat(kv().error(KeyValue.SET, truncated)).contains("failed to decode");
  }

  @Test
  default void aMissingRequiredFieldIsAnErrorNamingIt() throws Exception {
    assertMissing(KeyValue.SET, map().mapHeader(1).key("key").string("k"), "value");
    assertMissing(KeyValue.SET, map().mapHeader(1).key("value").string("v"), "key");
    assertMissing(KeyValue.INCREMENT, map().mapHeader(1).key("value").integer(1), "key");
    assertMissing(KeyValue.LIST_ADD, map().mapHeader(1).key("value").string("v"), "listName");
    assertMissing(KeyValue.LIST_DEL, map().mapHeader(1).key("listName").string("l"), "value");
    assertMissing(
        KeyValue.LIST_RANGE,
        map().mapHeader(2).key("start").integer(0).key("stop").integer(1),
        "listName");
    assertMissing(KeyValue.SET_ADD, map().mapHeader(1).key("setName").string("s"), "value");
    assertMissing(KeyValue.SET_DEL, map().mapHeader(1).key("value").string("v"), "setName");
    assertThat(kv().get("k")).as("nothing was stored").isEqualTo(new GetResponse("", false));
  }

  @Test
  default void anOperationOnAKeyOfAnotherKindIsAnErrorNamingTheKey() throws Exception {
    kv().set("str", "v", 0);
    kv().listAdd("list", "a");
    kv().setAdd("set", "x");

    assertThat(kv().error(KeyValue.LIST_ADD, listAdd(kv().key("str"), "a")))
        .contains(kv().key("str"));
    assertThat(kv().error(KeyValue.GET, BarePayload.encodeString(kv().key("list"))))
        .contains(kv().key("list"));
    assertThat(kv().error(KeyValue.INCREMENT, increment(kv().key("set"), 1)))
        .contains(kv().key("set"));
    assertThat(kv().get("str")).as("untouched").isEqualTo(new GetResponse("v", true));
  }

  @Test
  default void incrementFailsOnANonIntegerOrBeyondI32AndLeavesTheValue() throws Exception {
    kv().set("word", "abc", 0);
    kv().set("max", "2147483647", 0);

    assertThat(kv().error(KeyValue.INCREMENT, increment(kv().key("word"), 1)))
        .contains(kv().key("word"));
    assertThat(kv().error(KeyValue.INCREMENT, increment(kv().key("max"), 1)))
        .contains(kv().key("max"));
    assertThat(kv().get("word")).isEqualTo(new GetResponse("abc", true));
    assertThat(kv().get("max")).isEqualTo(new GetResponse("2147483647", true));
  }

  @Test
  default void aSetUnionOrIntersectionOfNoSetsIsAnError() throws Exception {
    byte[] none = new MsgpackWriter().arrayHeader(0).toByteArray();

    assertThat(kv().error(KeyValue.SET_UNION, none)).containsIgnoringCase("no set");
    assertThat(kv().error(KeyValue.SET_INTERSECTION, none)).containsIgnoringCase("no set");
  }

  @Test
  default void anActorWithoutALinkIsRefused() throws Exception {
    String stranger = LatticeHost.newActor();

    var response =
        kv().host
            .invoke(stranger, KeyValue.GET, BarePayload.encodeString("k"), KeyValueCalls.REPLY);

    assertThat(response.error()).isEqualTo("unlinked actor: '" + stranger + "'");
  }

  @Test
  default void theProviderAnswersHealthChecks() throws Exception {
    assertThat(kv().host.health(Duration.ofSeconds(10)))
        .map(HealthCheckResponse::healthy)
        .contains(true);
  }

  private void assertMissing(String operation, MsgpackWriter payload, String field)
      throws InterruptedException {
    assertThat(kv().error(operation, payload.toByteArray()))
        .as("%s without '%s'", operation, field)
        .contains("'" + field + "'");
  }

  private static MsgpackWriter map() {
    return new MsgpackWriter();
  }

  private static byte[] listAdd(String list, String value) {
    return map().mapHeader(2).key("listName").string(list).key("value").string(value).toByteArray();
  }

  private static byte[] increment(String key, int value) {
    return map().mapHeader(2).key("key").string(key).key("value").integer(value).toByteArray();
  }
}
