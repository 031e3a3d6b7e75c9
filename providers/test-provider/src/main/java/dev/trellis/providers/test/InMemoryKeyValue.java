package dev.trellis.providers.test;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny {@code wasmcloud:keyvalue} (spec §9.2): {@code Get}, {@code Set}, {@code Del}, {@code
 * Contains}, {@code Increment} over one in-memory map shared by every linked actor. Values are
 * strings; {@code Increment} treats a missing key as 0; {@code Set}'s {@code expires} is ignored.
 */
final class InMemoryKeyValue {
  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final Runnable beforeEachCall;

  /**
   * @param beforeEachCall runs first in every operation (the test provider's hang switch)
   */
  InMemoryKeyValue(Runnable beforeEachCall) {
    this.beforeEachCall = beforeEachCall;
  }

  void register(Operations operations) {
    operations
        .add(
            KeyValue.GET,
            key -> BarePayload.decodeString(key, "key"),
            this::get,
            KeyValueCodec::encodeGetResponse)
        .add(KeyValue.SET, KeyValueCodec::decodeSetRequest, this::set, none -> new byte[0])
        .add(
            KeyValue.DEL,
            key -> BarePayload.decodeString(key, "key"),
            this::del,
            BarePayload::encodeBool)
        .add(
            KeyValue.CONTAINS,
            key -> BarePayload.decodeString(key, "key"),
            this::contains,
            BarePayload::encodeBool)
        .add(
            KeyValue.INCREMENT,
            KeyValueCodec::decodeIncrementRequest,
            this::increment,
            BarePayload::encodeI32);
  }

  private GetResponse get(InvocationContext context, String key) {
    beforeEachCall.run();
    String value = values.get(key);
    return value == null ? new GetResponse("", false) : new GetResponse(value, true);
  }

  private Void set(InvocationContext context, SetRequest request) {
    beforeEachCall.run();
    values.put(request.key(), request.value());
    return null;
  }

  private Boolean del(InvocationContext context, String key) {
    beforeEachCall.run();
    return values.remove(key) != null;
  }

  private Boolean contains(InvocationContext context, String key) {
    beforeEachCall.run();
    return values.containsKey(key);
  }

  private Integer increment(InvocationContext context, IncrementRequest request) {
    beforeEachCall.run();
    String updated =
        values.compute(
            request.key(), (key, old) -> Integer.toString(parse(key, old) + request.value()));
    return Integer.parseInt(updated);
  }

  private static int parse(String key, String old) {
    if (old == null) {
      return 0;
    }
    try {
      return Integer.parseInt(old);
    } catch (NumberFormatException e) {
      throw new OperationException(
          "failed to increment key '" + key + "': its value is not a 32-bit integer");
    }
  }
}
