package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.Operations;
import java.util.function.Function;

/**
 * Registers the 15 operations of {@code wasmcloud:keyvalue} (spec §9.2): each decodes its input
 * strictly ({@link KeyValueRequests}), runs on the calling actor's {@link KeyValueStore} and
 * encodes the output (a {@code GetResponse}, a bare bool, i32, u32 or array of str, or nothing).
 */
final class KeyValueOperations {
  private static final byte[] NOTHING = new byte[0];

  private final Function<InvocationContext, KeyValueStore> stores;

  /**
   * @param stores the store of the calling actor; throws {@code OperationException} when it has
   *     none
   */
  KeyValueOperations(Function<InvocationContext, KeyValueStore> stores) {
    this.stores = stores;
  }

  void register(Operations operations) {
    operations
        .add(
            KeyValue.GET,
            KeyValueRequests::name,
            (c, key) -> store(c).get(key),
            KeyValueCodec::encodeGetResponse)
        .add(
            KeyValue.SET,
            KeyValueRequests::set,
            (c, r) -> {
              store(c).set(r.key(), r.value(), r.expires());
              return NOTHING;
            },
            Function.identity())
        .add(
            KeyValue.DEL,
            KeyValueRequests::name,
            (c, key) -> store(c).del(key),
            BarePayload::encodeBool)
        .add(
            KeyValue.CONTAINS,
            KeyValueRequests::name,
            (c, key) -> store(c).contains(key),
            BarePayload::encodeBool)
        .add(
            KeyValue.INCREMENT,
            KeyValueRequests::increment,
            (c, r) -> store(c).increment(r.key(), r.value()),
            BarePayload::encodeI32)
        .add(
            KeyValue.LIST_ADD,
            KeyValueRequests::listAdd,
            (c, r) -> store(c).listAdd(r.listName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.LIST_CLEAR,
            KeyValueRequests::name,
            (c, list) -> store(c).listClear(list),
            BarePayload::encodeBool)
        .add(
            KeyValue.LIST_DEL,
            KeyValueRequests::listDel,
            (c, r) -> store(c).listDel(r.listName(), r.value()),
            BarePayload::encodeBool)
        .add(
            KeyValue.LIST_RANGE,
            KeyValueRequests::listRange,
            (c, r) -> store(c).listRange(r.listName(), r.start(), r.stop()),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_ADD,
            KeyValueRequests::setAdd,
            (c, r) -> store(c).setAdd(r.setName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.SET_DEL,
            KeyValueRequests::setDel,
            (c, r) -> store(c).setDel(r.setName(), r.value()),
            BarePayload::encodeU32)
        .add(
            KeyValue.SET_QUERY,
            KeyValueRequests::name,
            (c, set) -> store(c).setQuery(set),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_UNION,
            KeyValueRequests::names,
            (c, sets) -> store(c).setUnion(sets),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_INTERSECTION,
            KeyValueRequests::names,
            (c, sets) -> store(c).setIntersection(sets),
            BarePayload::encodeStringList)
        .add(
            KeyValue.SET_CLEAR,
            KeyValueRequests::name,
            (c, set) -> store(c).setClear(set),
            BarePayload::encodeBool);
  }

  private KeyValueStore store(InvocationContext context) {
    return stores.apply(context);
  }
}
