package dev.trellis.interfaces.contract.keyvalue;

/**
 * The {@code wasmcloud:keyvalue} contract (spec §9.2): operation names, called by actors on a
 * provider. Struct payloads are encoded by {@link KeyValueCodec}; bare payloads (a key, a bool, a
 * number, a list of strings) by {@link dev.trellis.interfaces.contract.BarePayload}.
 */
public final class KeyValue {
  public static final String CONTRACT_ID = "wasmcloud:keyvalue";

  /** Input: str key. Output: {@link GetResponse}. */
  public static final String GET = "KeyValue.Get";

  /** Input: {@link SetRequest}. Output: none. */
  public static final String SET = "KeyValue.Set";

  /** Input: str key. Output: bool (deleted). */
  public static final String DEL = "KeyValue.Del";

  /** Input: str key. Output: bool. */
  public static final String CONTAINS = "KeyValue.Contains";

  /** Input: {@link IncrementRequest}. Output: I32, the new value. */
  public static final String INCREMENT = "KeyValue.Increment";

  /** Input: {@link ListAddRequest}. Output: U32, the new length. */
  public static final String LIST_ADD = "KeyValue.ListAdd";

  /** Input: str list name. Output: bool (existed). */
  public static final String LIST_CLEAR = "KeyValue.ListClear";

  /** Input: {@link ListDelRequest}. Output: bool (removed). */
  public static final String LIST_DEL = "KeyValue.ListDel";

  /** Input: {@link ListRangeRequest}. Output: array of str. */
  public static final String LIST_RANGE = "KeyValue.ListRange";

  /** Input: {@link SetAddRequest}. Output: U32 (added: 0/1). */
  public static final String SET_ADD = "KeyValue.SetAdd";

  /** Input: {@link SetDelRequest}. Output: U32 (removed: 0/1). */
  public static final String SET_DEL = "KeyValue.SetDel";

  /** Input: str set name. Output: array of str. */
  public static final String SET_QUERY = "KeyValue.SetQuery";

  /** Input: array of str (set names). Output: array of str. */
  public static final String SET_UNION = "KeyValue.SetUnion";

  /** Input: array of str (set names). Output: array of str. */
  public static final String SET_INTERSECTION = "KeyValue.SetIntersection";

  /** Input: str set name. Output: bool. */
  public static final String SET_CLEAR = "KeyValue.SetClear";

  private KeyValue() {}
}
