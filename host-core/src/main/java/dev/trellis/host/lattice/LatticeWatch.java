package dev.trellis.host.lattice;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
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

  private final Connection connection;
  private final KeyValue bucket;
  private final List<Handler> handlers;
  private final ConnectionListener rewatchOnReconnect = this::connectionEvent;
  private NatsKeyValueWatchSubscription subscription;

  /**
   * @param connection the connection the bucket was opened on: after it reconnects, the watch is
   *     created anew (a watch's ephemeral consumer may not survive a server restart, and jnats
   *     would otherwise notice only at its next heartbeat alarm, tens of seconds later)
   */
  public LatticeWatch(Connection connection, KeyValue bucket, List<Handler> handlers) {
    this.connection = connection;
    this.bucket = bucket;
    this.handlers = List.copyOf(handlers);
  }

  /** Starts watching and waits until the bucket's current contents were delivered. */
  public void start(Duration timeout) {
    CountDownLatch loaded = watch();
    try {
      if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LatticeException(
            "failed to load the lattice metadata within " + timeout.toMillis() + " ms", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LatticeException("interrupted while loading the lattice metadata", e);
    }
    connection.addConnectionListener(rewatchOnReconnect);
  }

  /** (Re)creates the watch; the latch opens when the current values were delivered. */
  private synchronized CountDownLatch watch() {
    CountDownLatch loaded = new CountDownLatch(1);
    unsubscribe();
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
    } catch (IOException | JetStreamApiException e) {
      throw new LatticeException("failed to watch the lattice metadata: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LatticeException("interrupted while watching the lattice metadata", e);
    }
    return loaded;
  }

  private void connectionEvent(Connection source, ConnectionListener.Events event) {
    if (event != ConnectionListener.Events.RESUBSCRIBED) {
      return;
    }
    Thread rewatch =
        new Thread(
            () -> {
              try {
                watch();
                LOG.info("lattice metadata watch re-created after a reconnect");
              } catch (RuntimeException e) {
                LOG.warn("failed to re-create the lattice metadata watch cause={}", e.toString());
              }
            },
            "lattice-rewatch");
    rewatch.setDaemon(true);
    rewatch.start();
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
  public synchronized void close() {
    connection.removeConnectionListener(rewatchOnReconnect);
    unsubscribe();
  }

  private void unsubscribe() {
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
