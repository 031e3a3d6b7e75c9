package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.ListAddRequest;
import dev.trellis.interfaces.contract.keyvalue.ListDelRequest;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetAddRequest;
import dev.trellis.interfaces.contract.keyvalue.SetDelRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import dev.trellis.interfaces.wire.InvocationResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One linked actor's calls to the {@code wasmcloud:keyvalue} provider under test, typed: each
 * encodes the input of spec §9.2, sends a signed invocation and checks that the reply has exactly
 * the output shape of §9.2 (a {@code GetResponse} map with both keys, a bare bool, integer or array
 * of str, an empty {@code msg} for {@code Set}). Names given to it are prefixed with a prefix of
 * the test's own, so tests sharing one store never see each other's keys.
 */
final class KeyValueCalls {
  static final Duration REPLY = Duration.ofSeconds(30);

  final LatticeHost host;
  final String actor;
  private final String prefix;

  KeyValueCalls(LatticeHost host, String actor, String prefix) {
    this.host = host;
    this.actor = actor;
    this.prefix = prefix;
  }

  /** The name this test uses for {@code name}. */
  String key(String name) {
    return prefix + name;
  }

  /** The reply to any operation and payload. */
  InvocationResponse raw(String operation, byte[] payload) throws InterruptedException {
    return host.invoke(actor, operation, payload, REPLY);
  }

  /** The result of a call that must succeed. */
  byte[] ok(String operation, byte[] payload) throws InterruptedException {
    InvocationResponse response = raw(operation, payload);
    assertThat(response.error()).as("error of %s", operation).isNull();
    return response.msg();
  }

  /** The error text of a call that must fail; never blank. */
  String error(String operation, byte[] payload) throws InterruptedException {
    InvocationResponse response = raw(operation, payload);
    assertThat(response.error()).as("error of %s", operation).isNotNull().isNotBlank();
    return response.error();
  }

  GetResponse get(String name) throws InterruptedException {
    return strictGetResponse(ok(KeyValue.GET, BarePayload.encodeString(key(name))));
  }

  void set(String name, String value, long expires) throws InterruptedException {
    byte[] msg =
        ok(KeyValue.SET, KeyValueCodec.encodeSetRequest(new SetRequest(key(name), value, expires)));
    assertThat(msg).as("KeyValue.Set has no output: an empty msg").isEmpty();
  }

  boolean del(String name) throws InterruptedException {
    return bool(ok(KeyValue.DEL, BarePayload.encodeString(key(name))));
  }

  boolean contains(String name) throws InterruptedException {
    return bool(ok(KeyValue.CONTAINS, BarePayload.encodeString(key(name))));
  }

  int increment(String name, int delta) throws InterruptedException {
    return BarePayload.decodeI32(
        ok(
            KeyValue.INCREMENT,
            KeyValueCodec.encodeIncrementRequest(new IncrementRequest(key(name), delta))),
        "KeyValue.Increment result");
  }

  long listAdd(String list, String value) throws InterruptedException {
    return BarePayload.decodeU32(
        ok(
            KeyValue.LIST_ADD,
            KeyValueCodec.encodeListAddRequest(new ListAddRequest(key(list), value))),
        "KeyValue.ListAdd result");
  }

  boolean listClear(String list) throws InterruptedException {
    return bool(ok(KeyValue.LIST_CLEAR, BarePayload.encodeString(key(list))));
  }

  boolean listDel(String list, String value) throws InterruptedException {
    return bool(
        ok(
            KeyValue.LIST_DEL,
            KeyValueCodec.encodeListDelRequest(new ListDelRequest(key(list), value))));
  }

  List<String> listRange(String list, int start, int stop) throws InterruptedException {
    return strings(
        ok(
            KeyValue.LIST_RANGE,
            KeyValueCodec.encodeListRangeRequest(new ListRangeRequest(key(list), start, stop))));
  }

  long setAdd(String set, String value) throws InterruptedException {
    return BarePayload.decodeU32(
        ok(KeyValue.SET_ADD, KeyValueCodec.encodeSetAddRequest(new SetAddRequest(key(set), value))),
        "KeyValue.SetAdd result");
  }

  long setDel(String set, String value) throws InterruptedException {
    return BarePayload.decodeU32(
        ok(KeyValue.SET_DEL, KeyValueCodec.encodeSetDelRequest(new SetDelRequest(key(set), value))),
        "KeyValue.SetDel result");
  }

  List<String> setQuery(String set) throws InterruptedException {
    return strings(ok(KeyValue.SET_QUERY, BarePayload.encodeString(key(set))));
  }

  List<String> setUnion(String... sets) throws InterruptedException {
    return strings(ok(KeyValue.SET_UNION, BarePayload.encodeStringList(keys(sets))));
  }

  List<String> setIntersection(String... sets) throws InterruptedException {
    return strings(ok(KeyValue.SET_INTERSECTION, BarePayload.encodeStringList(keys(sets))));
  }

  boolean setClear(String set) throws InterruptedException {
    return bool(ok(KeyValue.SET_CLEAR, BarePayload.encodeString(key(set))));
  }

  private List<String> keys(String... names) {
    return Arrays.stream(names).map(this::key).toList();
  }

  /**
   * A {@code GetResponse}: a map with a str {@code value} and a bool {@code exists}, both present.
   */
  static GetResponse strictGetResponse(byte[] msg) {
    MsgpackReader r = MsgpackReader.ofPayload(msg, "GetResponse");
    String value = null;
    Boolean exists = null;
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      switch (r.readKey()) {
        case "value" -> value = r.readString("value");
        case "exists" -> exists = r.readBool("exists");
        default -> r.skipValue();
      }
    }
    assertThat(value).as("GetResponse.value (always written, \"\" when not found)").isNotNull();
    assertThat(exists).as("GetResponse.exists").isNotNull();
    return new GetResponse(value, exists);
  }

  private static boolean bool(byte[] msg) {
    return BarePayload.decodeBool(msg, "a bool result");
  }

  private static List<String> strings(byte[] msg) {
    return BarePayload.decodeStringList(msg, "an array of str result");
  }
}
