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
import dev.trellis.provider.keyvalue.KeyValueStore;
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
    KeyValueOperations.register(operations, context -> new RecordingStore());

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
          return new RecordingStore();
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
    KeyValueOperations.register(operations, context -> new RecordingStore());
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

  /** Records each call and answers with something derived from its arguments. */
  private final class RecordingStore implements KeyValueStore {
    @Override
    public GetResponse get(String key) {
      calls.add("get " + key);
      return new GetResponse("value of " + key, true);
    }

    @Override
    public void set(String key, String value, long expiresSeconds) {
      calls.add("set " + key + "=" + value + " ex " + expiresSeconds);
    }

    @Override
    public boolean del(String key) {
      return calls.add("del " + key);
    }

    @Override
    public boolean contains(String key) {
      return calls.add("contains " + key);
    }

    @Override
    public int increment(String key, int delta) {
      calls.add("increment " + key + " by " + delta);
      return 42;
    }

    @Override
    public long listAdd(String list, String value) {
      calls.add("listAdd " + list + " " + value);
      return 1;
    }

    @Override
    public boolean listClear(String list) {
      return calls.add("listClear " + list);
    }

    @Override
    public boolean listDel(String list, String value) {
      return calls.add("listDel " + list + " " + value);
    }

    @Override
    public List<String> listRange(String list, int start, int stop) {
      calls.add("listRange " + list + " " + start + " " + stop);
      return List.of(list + ":" + start + ".." + stop);
    }

    @Override
    public long setAdd(String set, String value) {
      calls.add("setAdd " + set + " " + value);
      return 1;
    }

    @Override
    public long setDel(String set, String value) {
      calls.add("setDel " + set + " " + value);
      return 1;
    }

    @Override
    public List<String> setQuery(String set) {
      calls.add("setQuery " + set);
      return List.of();
    }

    @Override
    public List<String> setUnion(List<String> sets) {
      calls.add("setUnion " + sets);
      return sets;
    }

    @Override
    public List<String> setIntersection(List<String> sets) {
      calls.add("setIntersection " + sets);
      return List.of();
    }

    @Override
    public boolean setClear(String set) {
      return calls.add("setClear " + set);
    }

    @Override
    public void close() {}
  }
}
