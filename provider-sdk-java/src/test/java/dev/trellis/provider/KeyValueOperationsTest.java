package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.msgpack.MsgpackWriter;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.provider.keyvalue.KeyValueOperations;
import dev.trellis.provider.keyvalue.RecordingStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The keyvalue adapter's dispatch (here, where {@link Operations} can be made): each operation
 * reaches the calling actor's store with the decoded arguments, and its result is encoded.
 */
class KeyValueOperationsTest {
  private static final String ACTOR = "MACTOR";

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Operations operations = new Operations();

  @Test
  void servesTheFifteenOperations() {
    KeyValueOperations.register(operations, context -> new RecordingStore(calls));

    assertThat(operations.names())
        .containsExactlyInAnyOrder(
            KeyValue.GET,
            KeyValue.SET,
            KeyValue.DEL,
            KeyValue.CONTAINS,
            KeyValue.INCREMENT,
            KeyValue.LIST_ADD,
            KeyValue.LIST_CLEAR,
            KeyValue.LIST_DEL,
            KeyValue.LIST_RANGE,
            KeyValue.SET_ADD,
            KeyValue.SET_DEL,
            KeyValue.SET_QUERY,
            KeyValue.SET_UNION,
            KeyValue.SET_INTERSECTION,
            KeyValue.SET_CLEAR);
  }

  @Test
  void decodesCallsTheActorsStoreAndEncodes() {
    KeyValueOperations.register(
        operations,
        context -> {
          calls.add("store of " + context.actorId());
          return new RecordingStore(calls);
        });

    byte[] get = call(KeyValue.GET, BarePayload.encodeString("k"));
    byte[] set = call(KeyValue.SET, KeyValueCodec.encodeSetRequest(new SetRequest("k", "v", 9)));
    byte[] incr =
        call(
            KeyValue.INCREMENT, KeyValueCodec.encodeIncrementRequest(new IncrementRequest("n", 2)));
    byte[] range =
        call(
            KeyValue.LIST_RANGE,
            KeyValueCodec.encodeListRangeRequest(new ListRangeRequest("l", 0, -1)));
    byte[] union = call(KeyValue.SET_UNION, BarePayload.encodeStringList(List.of("a", "b")));

    assertThat(KeyValueCodec.decodeGetResponse(get)).isEqualTo(new GetResponse("value of k", true));
    assertThat(set).isEmpty();
    assertThat(BarePayload.decodeI32(incr, "i32")).isEqualTo(42);
    assertThat(BarePayload.decodeStringList(range, "list")).containsExactly("l:0..-1");
    assertThat(BarePayload.decodeStringList(union, "list")).containsExactly("a", "b");
    assertThat(calls)
        .containsExactly(
            "store of " + ACTOR,
            "get k",
            "store of " + ACTOR,
            "set k=v ex 9",
            "store of " + ACTOR,
            "increment n by 2",
            "store of " + ACTOR,
            "listRange l 0 -1",
            "store of " + ACTOR,
            "setUnion [a, b]");
  }

  @Test
  void aRequestWithoutItsKeyIsRefusedBeforeTheStoreSeesIt() {
    KeyValueOperations.register(operations, context -> new RecordingStore(calls));
    byte[] noValue = new MsgpackWriter().mapHeader(1).key("key").string("k").toByteArray();

    assertThatThrownBy(() -> call(KeyValue.SET, noValue))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "failed to decode the payload of KeyValue.Set: failed to decode SetRequest: field"
                + " 'value' is missing");
    assertThat(calls).isEmpty();
  }

  @Test
  void theStoreLookupsRefusalReachesTheCaller() {
    KeyValueOperations.register(
        operations,
        context -> {
          throw new OperationException("failed to serve KeyValue.Get: actor has no store");
        });

    assertThatThrownBy(() -> call(KeyValue.GET, BarePayload.encodeString("k")))
        .isInstanceOf(OperationException.class)
        .hasMessage("failed to serve KeyValue.Get: actor has no store");
  }

  private byte[] call(String operation, byte[] payload) {
    InvocationContext context =
        new InvocationContext(
            "inv-1",
            operation,
            WasmCloudEntity.actor(ACTOR),
            new LinkDefinition(ACTOR, "VPROVIDER", "default", KeyValue.CONTRACT_ID, Map.of()));
    return operations.handler(operation).orElseThrow().handle(context, payload);
  }
}
