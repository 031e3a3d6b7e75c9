package dev.trellis.provider.keyvalue;

import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import java.util.List;

/**
 * A store for the adapter's tests: records each call in {@code calls} and answers with something
 * derived from its arguments.
 */
public final class RecordingStore implements KeyValueStore {
  private final List<String> calls;
  private boolean closed;

  /**
   * @param calls where to record the calls
   */
  public RecordingStore(List<String> calls) {
    this.calls = calls;
  }

  /** Whether {@link #close} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

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
  public synchronized void close() {
    closed = true;
  }
}
