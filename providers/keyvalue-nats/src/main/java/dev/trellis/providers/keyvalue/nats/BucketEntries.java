package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.provider.OperationException;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Reads and changes the entries of one JetStream KV bucket, atomically per key: every change is
 * read, decide ({@link Change}), then write only if the key still has the revision that was read
 * ({@code create} for a missing key, {@code update}/{@code delete} with the expected revision).
 * When another writer got there first (JetStream error 10071, wrong last sequence) the whole step
 * is tried again after a short random pause, up to {@link #MAX_ATTEMPTS} times. So concurrent
 * Increments, ListAdds and SetAdds from any number of provider instances never lose an update.
 *
 * <p>Expiry is emulated (nats-server 2.9 has no per-message TTL): an entry records when it expires;
 * an expired entry reads as missing and is deleted when it is read.
 *
 * <p>Thread-safe; every method blocks on JetStream requests.
 */
final class BucketEntries {
  /** How often a change is tried against concurrent writers before giving up. */
  static final int MAX_ATTEMPTS = 200;

  private static final int WRONG_LAST_SEQUENCE = 10071;
  private static final int MAX_READS = 20;

  private final KeyValue kv;
  private final Spill spill;
  private final Clock clock;
  private final int inlineLimit;

  /** A key as read: its revision (0 = none) and its live value ({@code null} if none). */
  private record Current(long revision, StoredValue value, String object) {
    static final Current ABSENT = new Current(0, null, null);
  }

  /**
   * @param inlineLimit the largest entry stored in the bucket itself; larger values go to {@code
   *     spill}
   */
  BucketEntries(KeyValue kv, Spill spill, Clock clock, int inlineLimit) {
    this.kv = kv;
    this.spill = spill;
    this.clock = clock;
    this.inlineLimit = inlineLimit;
  }

  /** The current time in Unix milliseconds, by the store's clock. */
  long nowMillis() {
    return clock.millis();
  }

  /** The live value of {@code key} (a KV key), or {@code null} when it is missing or expired. */
  StoredValue read(String key, String action) {
    return current(key, action).value();
  }

  /** Applies {@code decide} to the live value of {@code key} (or {@code null}) atomically. */
  <T> T change(String key, String action, Function<StoredValue, Change<T>> decide) {
    for (int attempt = 1; ; attempt++) {
      Current current = current(key, action);
      Change<T> change = decide.apply(current.value());
      if (!change.write()) {
        return change.result();
      }
      String written = null;
      try {
        if (change.next() == null) {
          if (current.revision() != 0) {
            kv.delete(key, current.revision());
          }
        } else {
          byte[] bytes = EntryCodec.encode(change.next());
          if (bytes.length > inlineLimit) {
            written = spill.put(bytes, action);
            bytes = EntryCodec.encodePointer(change.next(), written, bytes.length);
          }
          if (current.revision() == 0) {
            kv.create(key, bytes);
          } else {
            kv.update(key, bytes, current.revision());
          }
        }
      } catch (JetStreamApiException e) {
        discard(written);
        if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
          throw failure(action, e);
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new OperationException(
              "failed to "
                  + action
                  + ": the key changed under "
                  + MAX_ATTEMPTS
                  + " attempts in a row (too many concurrent writers); try again");
        }
        pause(attempt);
        continue;
      } catch (IOException | RuntimeException e) {
        discard(written);
        throw e instanceof OperationException oe ? oe : failure(action, e);
      }
      discard(current.object());
      return change.result();
    }
  }

  private Current current(String key, String action) {
    for (int read = 1; read <= MAX_READS; read++) {
      KeyValueEntry entry;
      try {
        entry = kv.get(key);
      } catch (IOException | JetStreamApiException | RuntimeException e) {
        throw failure(action, e);
      }
      if (entry == null) {
        return Current.ABSENT;
      }
      byte[] bytes = entry.getValue() == null ? new byte[0] : entry.getValue();
      StoredEntry stored;
      try {
        stored = EntryCodec.decode(bytes);
      } catch (DecodeException e) {
        throw new OperationException(
            "failed to " + action + ": the bucket entry is not readable: " + e.getMessage(), e);
      }
      String object = stored instanceof StoredEntry.Spilled s ? s.object() : null;
      if (stored.expiredAt(nowMillis())) {
        if (expire(key, entry.getRevision(), object)) {
          continue; // deleted: read again
        }
        return new Current(entry.getRevision(), null, object);
      }
      if (stored instanceof StoredEntry.Inline inline) {
        return new Current(entry.getRevision(), inline.value(), null);
      }
      byte[] spilled = spill.get(object, action);
      if (spilled != null) {
        try {
          return new Current(entry.getRevision(), EntryCodec.decodeObject(spilled), object);
        } catch (DecodeException e) {
          throw new OperationException(
              "failed to " + action + ": the spilled value is not readable: " + e.getMessage(), e);
        }
      }
      // The object went away: the value was replaced after we read the entry. Read again.
    }
    throw new OperationException(
        "failed to "
            + action
            + ": the key changed "
            + MAX_READS
            + " times while being read; try again");
  }

  /**
   * Deletes an expired entry if it still has {@code revision}; whether it did. Not deleting it is
   * fine (someone else changed it first, or the credentials cannot delete): it still reads as
   * missing, and a write replaces it.
   */
  private boolean expire(String key, long revision, String object) {
    try {
      kv.delete(key, revision);
    } catch (JetStreamApiException | IOException | RuntimeException e) {
      return false;
    }
    discard(object);
    return true;
  }

  private void discard(String object) {
    if (object != null) {
      spill.delete(object);
    }
  }

  private static void pause(int attempt) {
    long maxNanos = Math.min(attempt, 20) * 250_000L; // up to 5 ms, growing with contention
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000L, maxNanos + 50_001L));
  }

  private static OperationException failure(String action, Exception cause) {
    return new OperationException(
        "failed to "
            + action
            + ": "
            + cause.getMessage()
            + "; check that the NATS server runs JetStream and the bucket exists",
        cause);
  }
}
