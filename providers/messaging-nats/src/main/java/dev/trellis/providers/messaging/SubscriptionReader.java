package dev.trellis.providers.messaging;

import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one subscription on its own thread and hands each message to {@code deliver} on {@code
 * workers}, with at most {@code inFlight} deliveries running at once: when all are busy the reader
 * waits, so a slow actor slows its own subscription only.
 */
final class SubscriptionReader implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReader.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final SubscriptionSpec spec;
  private final Subscription subscription;
  private final Semaphore permits;
  private final Consumer<Message> deliver;
  private final Executor workers;
  private final Thread thread;
  private volatile boolean closed;

  SubscriptionReader(
      SubscriptionSpec spec,
      Subscription subscription,
      int inFlight,
      Consumer<Message> deliver,
      Executor workers) {
    this.spec = spec;
    this.subscription = subscription;
    this.permits = new Semaphore(inFlight);
    this.deliver = deliver;
    this.workers = workers;
    this.thread = new Thread(this, "messaging-sub-" + spec);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void run() {
    while (!closed) {
      Message message;
      try {
        message = subscription.nextMessage(POLL);
        if (message == null) {
          continue;
        }
        permits.acquire();
      } catch (InterruptedException e) {
        return;
      } catch (IllegalStateException e) {
        return; // unsubscribed or connection closed
      }
      try {
        workers.execute(
            () -> {
              try {
                deliver.accept(message);
              } finally {
                permits.release();
              }
            });
      } catch (RejectedExecutionException e) {
        permits.release();
        LOG.warn("message dropped subject={} reason=provider stopping", message.getSubject());
      }
    }
  }

  /** Unsubscribes and stops the reader. Deliveries already handed over still finish. */
  void close() {
    closed = true;
    try {
      if (subscription.isActive()) {
        subscription.unsubscribe();
      }
    } catch (IllegalStateException e) {
      // the connection is already closed
    }
    thread.interrupt();
    LOG.debug("subscription closed subscription={}", spec);
  }
}
