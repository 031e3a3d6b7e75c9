package dev.trellis.host.lattice;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch over the whole lattice bucket (controlplane §4.3): the current value of every key, then
 * every change, dispatched by key prefix. {@link #start} returns once the current values are
 * loaded, so a new host knows every link and claim before it serves.
 */
public final class LatticeWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatticeWatch.class);

  /** Receives the entries whose key starts with {@link #keyPrefix()}. */
  public interface Handler {
    String keyPrefix();

    void entry(KeyValueEntry entry);
  }

  private final KeyValue bucket;
  private final List<Handler> handlers;
  private NatsKeyValueWatchSubscription subscription;

  public LatticeWatch(KeyValue bucket, List<Handler> handlers) {
    this.bucket = bucket;
    this.handlers = List.copyOf(handlers);
  }

  /** Starts watching and waits until the bucket's current contents were delivered. */
  public void start(Duration timeout) {
    CountDownLatch loaded = new CountDownLatch(1);
    try {
      subscription =
          bucket.watchAll(
              new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                  dispatch(entry);
                }

                @Override
                public void endOfData() {
                  loaded.countDown();
                }
              });
      if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LatticeException(
            "failed to load the lattice metadata within " + timeout.toMillis() + " ms", null);
      }
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException("failed to watch the lattice metadata: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LatticeException("interrupted while loading the lattice metadata", e);
    }
  }

  private void dispatch(KeyValueEntry entry) {
    for (Handler handler : handlers) {
      if (entry.getKey().startsWith(handler.keyPrefix())) {
        try {
          handler.entry(entry);
        } catch (RuntimeException e) {
          LOG.warn("failed to apply a lattice entry key={} cause={}", entry.getKey(), e.toString());
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.unsubscribe();
      } catch (RuntimeException e) {
        LOG.debug("watch unsubscribe failed cause={}", e.toString());
      }
      subscription = null;
    }
  }
}
