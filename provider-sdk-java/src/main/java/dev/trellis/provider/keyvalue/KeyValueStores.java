package dev.trellis.provider.keyvalue;

import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.OperationException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open stores of a keyvalue provider, one per linked actor: {@code putLink} opens a store and
 * {@link #put}s it, {@code deleteLink} {@link #remove}s it, {@code shutdown} calls {@link
 * #closeAll}, and {@link #of} is the lookup {@link KeyValueOperations#register} needs:
 *
 * <pre>{@code
 * private final KeyValueStores<MyStore> stores = new KeyValueStores<>("open connection");
 *
 * public void registerOperations(Operations operations) {
 *   KeyValueOperations.register(operations, stores::of);
 * }
 * }</pre>
 *
 * <p>A store that is replaced or removed is closed. Thread-safe.
 *
 * @param <S> the provider's store type
 */
public final class KeyValueStores<S extends KeyValueStore> {
  private final Map<String, S> byActor = new ConcurrentHashMap<>();
  private final String what;

  /**
   * @param what what an actor without a store lacks, for the error its calls get, e.g. {@code "open
   *     bucket"}: "failed to serve KeyValue.Get: actor M… has no open bucket (its link was just
   *     deleted?)"
   */
  public KeyValueStores(String what) {
    this.what = Objects.requireNonNull(what, "what");
  }

  /** Records {@code store} as {@code actorId}'s, closing the one it replaces. */
  public void put(String actorId, S store) {
    S old = byActor.put(actorId, Objects.requireNonNull(store, "store"));
    if (old != null && old != store) {
      old.close();
    }
  }

  /** Closes and forgets {@code actorId}'s store; whether it had one. */
  public boolean remove(String actorId) {
    S store = byActor.remove(actorId);
    if (store == null) {
      return false;
    }
    store.close();
    return true;
  }

  /** Closes and forgets every store. */
  public void closeAll() {
    for (String actorId : byActor.keySet()) {
      remove(actorId);
    }
  }

  /** How many stores are open. */
  public int size() {
    return byActor.size();
  }

  /** The open stores by actor: a live, read-only view (for health checks). */
  public Map<String, S> byActor() {
    return Collections.unmodifiableMap(byActor);
  }

  /**
   * The calling actor's store.
   *
   * @throws OperationException if it has none (its link was refused or just deleted)
   */
  public S of(InvocationContext context) {
    S store = byActor.get(context.actorId());
    if (store == null) {
      throw new OperationException(
          "failed to serve "
              + context.operation()
              + ": actor "
              + context.actorId()
              + " has no "
              + what
              + " (its link was just deleted?)");
    }
    return store;
  }
}
