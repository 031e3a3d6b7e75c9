package dev.trellis.provider.keyvalue;

import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import java.util.List;

/**
 * The 15 operations of {@code wasmcloud:keyvalue} (spec §9.2) over one link's keyspace: what a
 * keyvalue provider implements, once per backend; {@link KeyValueOperations} decodes the
 * invocations, calls the store and encodes the results.
 *
 * <p>Strings, lists and sets share the keyspace, as in Redis: {@link #del} and {@link #contains}
 * see every kind, {@link #set} replaces whatever the key held, and an operation on a key of another
 * kind fails with {@link dev.trellis.provider.OperationException}. An emptied list or set
 * disappears.
 *
 * <p>Implementations are thread-safe (invocations run concurrently) and fail with {@code
 * OperationException} whose message is "failed to &lt;verb&gt; &lt;object&gt;: &lt;cause&gt;": it
 * becomes the invocation's error verbatim.
 */
public interface KeyValueStore extends AutoCloseable {

  /** The string under {@code key}; {@code ("", false)} when it is missing or expired. */
  GetResponse get(String key);

  /** Replaces whatever {@code key} held; {@code expiresSeconds} 0 = never. */
  void set(String key, String value, long expiresSeconds);

  /** Whether something (of any kind) was deleted. */
  boolean del(String key);

  /** Whether {@code key} holds something (of any kind). */
  boolean contains(String key);

  /** The new value; a missing key counts as 0; the expiry is kept; the result must fit in i32. */
  int increment(String key, int delta);

  /** Appends; the new length. */
  long listAdd(String list, String value);

  /** Whether the list existed. */
  boolean listClear(String list);

  /** Removes the first occurrence; whether one was removed. */
  boolean listDel(String list, String value);

  /** Items {@code start..stop}, 0-based, inclusive, negative from the end, clamped (LRANGE). */
  List<String> listRange(String list, int start, int stop);

  /** 1 if added, 0 if already a member. */
  long setAdd(String set, String value);

  /** 1 if removed, 0 if not a member. */
  long setDel(String set, String value);

  /** The members. */
  List<String> setQuery(String set);

  /** Members of any of the sets; missing sets are empty; no names is an error. */
  List<String> setUnion(List<String> sets);

  /** Members of every one of the sets; a missing set is empty; no names is an error. */
  List<String> setIntersection(List<String> sets);

  /** Whether the set existed. */
  boolean setClear(String set);

  /** Releases what the store holds open (connections); never throws. */
  @Override
  void close();
}
