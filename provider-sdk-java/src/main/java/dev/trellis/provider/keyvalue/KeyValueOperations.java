package dev.trellis.provider.keyvalue;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.Operations;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serves the 15 operations of {@code wasmcloud:keyvalue} (spec §9.2) with {@link KeyValueStore}s:
 * each operation decodes its input strictly (the fields naming what to act on, and the value to
 * store, are required, as wasmbus-rpc's decoders require them: "failed to decode the payload of
 * KeyValue.Set: failed to decode SetRequest: field 'value' is missing"), runs on the calling
 * actor's store and encodes the output (a {@code GetResponse}, a bare bool, i32, u32 or array of
 * str, or nothing for {@code Set}).
 *
 * <pre>{@code
 * public void registerOperations(Operations operations) {
 *   KeyValueOperations.register(operations, context -> storesByActor.get(context.actorId()));
 * }
 * }</pre>
 */
public final class KeyValueOperations {
  private static final byte[] NOTHING = new byte[0];

  private KeyValueOperations() {}

  /**
   * Adds a handler for each of the 15 operations to {@code operations}.
   *
   * @param stores the store of the calling actor; it throws {@link
   *     dev.trellis.provider.OperationException} (whose message the actor gets) when the actor has
   *     none, and never returns null
   * @throws IllegalArgumentException if one of the operations already has a handler
   */
  public static void register(
      Operations operations, Function<InvocationContext, ? extends KeyValueStore> stores) {
    Objects.requireNonNull(stores, "stores");
    operations
        .add(
            KeyValue.GET,
            KeyValueRequests::name,
            (c, key) -> stores.apply(c).get(key),
            KeyValueCodec::encodeGetResponse)
        .add(
            KeyValue.SET,
            KeyValueRequests::set,
            (c, r) -> {
              stores.apply(c).set(r.key(), r.value(), r.expires());
              return NOTHING;
            },
            Function.identity())
        .add(
            KeyValue.DEL,
            KeyValueRequests::name,
            (c, key) -> stores.apply(c).del(key),
            BarePayload::encodeBool)
        .add(
            KeyValue.CONTAINS,
            KeyValueRequests::name,
            (c, key) -> stores.apply(c).contains(key),
            BarePayload::encodeBool)
        .add(
            KeyValue.INCREMENT,
            KeyValueRequests::increment,
            (c, r) -> stores.apply(c).increment(r.key(), r.value()),
            BarePayload::encodeI32)
        .add(
            KeyValue.LIST_ADD,
            KeyValueRequests::listAdd,
            (c, r) -> stores.apply(c).listAdd(r.listName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.LIST_CLEAR,
            KeyValueRequests::name,
            (c, list) -> stores.apply(c).listClear(list),
            BarePayload::encodeBool)
        .add(
            KeyValue.LIST_DEL,
            KeyValueRequests::listDel,
            (c, r) -> stores.apply(c).listDel(r.listName(), r.value()),
            BarePayload::encodeBool)
        .add(
            KeyValue.LIST_RANGE,
            KeyValueRequests::listRange,
            (c, r) -> stores.apply(c).listRange(r.listName(), r.start(), r.stop()),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_ADD,
            KeyValueRequests::setAdd,
            (c, r) -> stores.apply(c).setAdd(r.setName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.SET_DEL,
            KeyValueRequests::setDel,
            (c, r) -> stores.apply(c).setDel(r.setName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.SET_QUERY,
            KeyValueRequests::name,
            (c, set) -> stores.apply(c).setQuery(set),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_UNION,
            KeyValueRequests::names,
            (c, sets) -> stores.apply(c).setUnion(sets),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_INTERSECTION,
            KeyValueRequests::names,
            (c, sets) -> stores.apply(c).setIntersection(sets),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_CLEAR,
            KeyValueRequests::name,
            (c, set) -> stores.apply(c).setClear(set),
            BarePayload::encodeBool);
  }
}
