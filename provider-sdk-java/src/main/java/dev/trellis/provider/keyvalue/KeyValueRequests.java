package dev.trellis.provider.keyvalue;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.ListAddRequest;
import dev.trellis.interfaces.contract.keyvalue.ListDelRequest;
import dev.trellis.interfaces.contract.keyvalue.ListRangeRequest;
import dev.trellis.interfaces.contract.keyvalue.SetAddRequest;
import dev.trellis.interfaces.contract.keyvalue.SetDelRequest;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.msgpack.MsgpackReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict decoding of the {@code wasmcloud:keyvalue} inputs: {@link KeyValueCodec} turns an absent
 * field into {@code ""} or 0 (serde's {@code default}), which would make a request without its key
 * act on the key {@code ""}. Here the fields that name what to act on, and the value to store, are
 * required, as wasmbus-rpc's generated decoders require them ({@code missing field …}): {@code key}
 * and {@code value} of Set, {@code key} of Increment, {@code listName}/{@code setName} and {@code
 * value} of the list and set requests, {@code listName} of ListRange. Numbers keep their defaults
 * ({@code expires} 0, Increment {@code value} 0, {@code start}/{@code stop} 0).
 *
 * <p>Every method throws {@link DecodeException} ("failed to decode SetRequest: field 'value' is
 * missing"), which the SDK answers as an error naming the operation.
 */
final class KeyValueRequests {
  private KeyValueRequests() {}

  static String name(byte[] payload) {
    return BarePayload.decodeString(payload, "a key, list or set name (msgpack str)");
  }

  static List<String> names(byte[] payload) {
    return BarePayload.decodeStringList(payload, "a list of set names (msgpack array of str)");
  }

  static SetRequest set(byte[] payload) {
    require(payload, "SetRequest", List.of("key", "value"));
    return KeyValueCodec.decodeSetRequest(payload);
  }

  static IncrementRequest increment(byte[] payload) {
    require(payload, "IncrementRequest", List.of("key"));
    return KeyValueCodec.decodeIncrementRequest(payload);
  }

  static ListAddRequest listAdd(byte[] payload) {
    require(payload, "ListAddRequest", List.of("listName", "value"));
    return KeyValueCodec.decodeListAddRequest(payload);
  }

  static ListDelRequest listDel(byte[] payload) {
    require(payload, "ListDelRequest", List.of("listName", "value"));
    return KeyValueCodec.decodeListDelRequest(payload);
  }

  static ListRangeRequest listRange(byte[] payload) {
    require(payload, "ListRangeRequest", List.of("listName"));
    return KeyValueCodec.decodeListRangeRequest(payload);
  }

  static SetAddRequest setAdd(byte[] payload) {
    require(payload, "SetAddRequest", List.of("setName", "value"));
    return KeyValueCodec.decodeSetAddRequest(payload);
  }

  static SetDelRequest setDel(byte[] payload) {
    require(payload, "SetDelRequest", List.of("setName", "value"));
    return KeyValueCodec.decodeSetDelRequest(payload);
  }

  /** Checks that each of {@code required} (all str fields) is present and not nil, in order. */
  private static void require(byte[] payload, String type, List<String> required) {
    MsgpackReader r = MsgpackReader.ofPayload(payload, type);
    Set<String> present = new HashSet<>();
    int n = r.enterRootMap();
    for (int i = 0; i < n; i++) {
      String key = r.readKey();
      if (required.contains(key)) {
        if (r.readString(key) != null) {
          present.add(key);
        }
      } else {
        r.skipValue();
      }
    }
    for (String field : required) {
      if (!present.contains(field)) {
        throw new DecodeException(type, "field '" + field + "' is missing");
      }
    }
  }
}
