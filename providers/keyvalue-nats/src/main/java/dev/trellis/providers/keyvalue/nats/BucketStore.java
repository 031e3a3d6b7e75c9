package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.keyvalue.KeyValueStore;
import dev.trellis.providers.keyvalue.nats.StoredValue.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link KeyValueStore} on one JetStream KV bucket: one entry per key ({@link NatsKeys}), holding a
 * string, a list or a set ({@link EntryCodec}); every change is revision-checked ({@link
 * BucketEntries}), so it is atomic per key across threads and provider instances. Operations that
 * read several sets (union, intersection) read them one after the other, not as one snapshot.
 */
final class BucketStore implements KeyValueStore {
  private final BucketEntries entries;
  private final Runnable onClose;

  /**
   * @param onClose closes what the link opened for this store (its own NATS connection), if
   *     anything
   */
  BucketStore(BucketEntries entries, Runnable onClose) {
    this.entries = entries;
    this.onClose = onClose;
  }

  @Override
  public GetResponse get(String key) {
    String action = "get key '" + NatsKeys.shown(key) + "'";
    StoredValue value = entries.read(NatsKeys.encode(key, action), action);
    if (value == null) {
      return new GetResponse("", false);
    }
    expect(value, Kind.STRING, action, key);
    return new GetResponse(value.text(), true);
  }

  @Override
  public void set(String key, String value, long expiresSeconds) {
    String action = "set key '" + NatsKeys.shown(key) + "'";
    long expiresAt = expiresSeconds > 0 ? entries.nowMillis() + expiresSeconds * 1000 : 0;
    StoredValue next = StoredValue.string(value, expiresAt);
    entries.change(NatsKeys.encode(key, action), action, old -> Change.store(next, null));
  }

  @Override
  public boolean del(String key) {
    String action = "delete key '" + NatsKeys.shown(key) + "'";
    return entries.change(
        NatsKeys.encode(key, action),
        action,
        old -> old == null ? Change.keep(false) : Change.remove(true));
  }

  @Override
  public boolean contains(String key) {
    String action = "check key '" + NatsKeys.shown(key) + "'";
    return entries.read(NatsKeys.encode(key, action), action) != null;
  }

  @Override
  public int increment(String key, int delta) {
    String action = "increment key '" + NatsKeys.shown(key) + "'";
    return entries.change(
        NatsKeys.encode(key, action),
        action,
        old -> {
          long current = 0;
          if (old != null) {
            expect(old, Kind.STRING, action, key);
            current = integer(old.text(), action);
          }
          long result = current + delta;
          if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
            throw new OperationException(
                "failed to "
                    + action
                    + ": "
                    + current
                    + " + "
                    + delta
                    + " does not fit in a 32-bit integer");
          }
          long expiresAt = old == null ? 0 : old.expiresAtMillis();
          return Change.store(StoredValue.string(Long.toString(result), expiresAt), (int) result);
        });
  }

  @Override
  public long listAdd(String list, String value) {
    String action = "add to list '" + NatsKeys.shown(list) + "'";
    return entries.change(
        NatsKeys.encode(list, action),
        action,
        old -> {
          List<String> items = new ArrayList<>(items(old, Kind.LIST, action, list));
          items.add(value);
          return Change.store(StoredValue.list(items), (long) items.size());
        });
  }

  @Override
  public boolean listClear(String list) {
    return clear(list, Kind.LIST, "clear list '" + NatsKeys.shown(list) + "'");
  }

  @Override
  public boolean listDel(String list, String value) {
    String action = "delete from list '" + NatsKeys.shown(list) + "'";
    return entries.change(
        NatsKeys.encode(list, action),
        action,
        old -> {
          List<String> items = new ArrayList<>(items(old, Kind.LIST, action, list));
          if (!items.remove(value)) {
            return Change.keep(false);
          }
          return items.isEmpty()
              ? Change.remove(true)
              : Change.store(StoredValue.list(items), true);
        });
  }

  @Override
  public List<String> listRange(String list, int start, int stop) {
    String action = "read list '" + NatsKeys.shown(list) + "'";
    List<String> items =
        items(entries.read(NatsKeys.encode(list, action), action), Kind.LIST, action, list);
    int n = items.size();
    long first = start < 0 ? Math.max((long) n + start, 0) : start;
    long last = Math.min(stop < 0 ? (long) n + stop : stop, n - 1L);
    if (first > last || first >= n) {
      return List.of();
    }
    return List.copyOf(items.subList((int) first, (int) last + 1));
  }

  @Override
  public long setAdd(String set, String value) {
    String action = "add to set '" + NatsKeys.shown(set) + "'";
    return entries.change(
        NatsKeys.encode(set, action),
        action,
        old -> {
          List<String> members = new ArrayList<>(items(old, Kind.SET, action, set));
          if (members.contains(value)) {
            return Change.keep(0L);
          }
          members.add(value);
          return Change.store(StoredValue.set(members), 1L);
        });
  }

  @Override
  public long setDel(String set, String value) {
    String action = "delete from set '" + NatsKeys.shown(set) + "'";
    return entries.change(
        NatsKeys.encode(set, action),
        action,
        old -> {
          List<String> members = new ArrayList<>(items(old, Kind.SET, action, set));
          if (!members.remove(value)) {
            return Change.keep(0L);
          }
          return members.isEmpty() ? Change.remove(1L) : Change.store(StoredValue.set(members), 1L);
        });
  }

  @Override
  public List<String> setQuery(String set) {
    return members(set, "read set '" + NatsKeys.shown(set) + "'");
  }

  @Override
  public List<String> setUnion(List<String> sets) {
    if (sets.isEmpty()) {
      throw new OperationException("failed to compute a set union: no set names given");
    }
    Set<String> union = new LinkedHashSet<>();
    for (String set : sets) {
      union.addAll(members(set, "compute a set union with '" + NatsKeys.shown(set) + "'"));
    }
    return List.copyOf(union);
  }

  @Override
  public List<String> setIntersection(List<String> sets) {
    if (sets.isEmpty()) {
      throw new OperationException("failed to compute a set intersection: no set names given");
    }
    Set<String> common = null;
    for (String set : sets) {
      List<String> members =
          members(set, "compute a set intersection with '" + NatsKeys.shown(set) + "'");
      if (common == null) {
        common = new LinkedHashSet<>(members);
      } else {
        common.retainAll(Set.copyOf(members));
      }
    }
    return List.copyOf(common);
  }

  @Override
  public boolean setClear(String set) {
    return clear(set, Kind.SET, "clear set '" + NatsKeys.shown(set) + "'");
  }

  @Override
  public void close() {
    onClose.run();
  }

  private List<String> members(String set, String action) {
    return items(entries.read(NatsKeys.encode(set, action), action), Kind.SET, action, set);
  }

  private boolean clear(String name, Kind kind, String action) {
    return entries.change(
        NatsKeys.encode(name, action),
        action,
        old -> {
          if (old == null) {
            return Change.keep(false);
          }
          expect(old, kind, action, name);
          return Change.remove(true);
        });
  }

  /** The items of a list or set value; none when it is missing. */
  private static List<String> items(StoredValue value, Kind kind, String action, String key) {
    if (value == null) {
      return List.of();
    }
    expect(value, kind, action, key);
    return value.items();
  }

  private static void expect(StoredValue value, Kind kind, String action, String key) {
    if (value.kind() != kind) {
      throw new OperationException(
          "failed to "
              + action
              + ": key '"
              + NatsKeys.shown(key)
              + "' holds a "
              + value.kind().label()
              + ", not "
              + (kind == Kind.STRING ? "a string value" : "a " + kind.label()));
    }
  }

  private static long integer(String text, String action) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new OperationException(
          "failed to " + action + ": its value '" + NatsKeys.shown(text) + "' is not an integer");
    }
  }
}
