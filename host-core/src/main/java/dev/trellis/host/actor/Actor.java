package dev.trellis.host.actor;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor running on this host: a compiled module, a bounded set of worker threads (its scale)
 * and, in {@link Isolation#POOLED} mode, the idle instances they reuse.
 *
 * <p>Threads: {@link #call} may be called from any thread and never blocks or runs wasm; the call
 * runs on one of the actor's workers, which may block in a host call until the deadline. The
 * deadline is enforced by interrupting the worker from the shared scheduler; an interrupted or
 * trapped instance is discarded. No lock is held while a guest runs.
 */
public final class Actor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Actor.class);
  private static final int MAX_QUEUED_CALLS = 10_000;

  private final String publicKey;
  private final Isolation isolation;
  private final ActorLimits limits;
  private final HostCallHandler handler;
  private final ScheduledExecutorService scheduler;
  private final ThreadPoolExecutor workers;
  private final ConcurrentLinkedQueue<ActorInstance> idle = new ConcurrentLinkedQueue<>();
  private volatile CompiledModule module;

  Actor(
      String publicKey,
      CompiledModule module,
      Isolation isolation,
      ActorLimits limits,
      int scale,
      HostCallHandler handler,
      ScheduledExecutorService scheduler) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.module = module;
    this.isolation = isolation;
    this.limits = limits;
    this.handler = handler;
    this.scheduler = scheduler;
    int threads = Math.max(1, scale);
    AtomicInteger counter = new AtomicInteger();
    String prefix = "actor-" + publicKey.substring(0, Math.min(8, publicKey.length())) + "-";
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED_CALLS),
            r -> {
              Thread t = new Thread(r, prefix + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.workers.allowCoreThreadTimeOut(true);
    if (isolation == Isolation.POOLED) {
      idle.add(ActorInstance.create(module, publicKey, handler, limits));
    } else {
      ActorInstance.create(module, publicKey, handler, limits);
    }
  }

  public String publicKey() {
    return publicKey;
  }

  public Isolation isolation() {
    return isolation;
  }

  public ActorLimits limits() {
    return limits;
  }

  /** The number of calls that may run at once (and of instances kept in pooled mode). */
  public int scale() {
    return workers.getMaximumPoolSize();
  }

  /** Changes how many calls may run at once. */
  public void scale(int scale) {
    int n = Math.max(1, scale);
    if (n > workers.getMaximumPoolSize()) {
      workers.setMaximumPoolSize(n);
      workers.setCorePoolSize(n);
    } else {
      workers.setCorePoolSize(n);
      workers.setMaximumPoolSize(n);
    }
    while (idle.size() > n) {
      idle.poll();
    }
  }

  /**
   * Swaps the module for new calls (live update). Calls in flight finish on their old instances,
   * which are then discarded instead of returned to the pool.
   */
  void update(CompiledModule newModule) {
    ActorInstance.create(newModule, publicKey, handler, limits);
    module = newModule;
    idle.clear();
  }

  CompiledModule module() {
    return module;
  }

  /** Queues one inbound call; the future completes on a worker with the outcome. */
  public CompletableFuture<GuestOutcome> call(String operation, byte[] msg) {
    CompletableFuture<GuestOutcome> result = new CompletableFuture<>();
    if (msg.length > limits.maxPayloadBytes()) {
      result.complete(
          GuestOutcome.failure(
              "failed to call actor "
                  + publicKey
                  + ": payload of "
                  + msg.length
                  + " bytes is over its limit of "
                  + limits.maxPayloadBytes()));
      return result;
    }
    try {
      workers.execute(() -> result.complete(run(operation, msg)));
    } catch (RejectedExecutionException e) {
      result.complete(
          GuestOutcome.failure(
              workers.isShutdown()
                  ? "Invocation received for actor " + publicKey + " that is not running"
                  : "failed to call actor "
                      + publicKey
                      + ": "
                      + MAX_QUEUED_CALLS
                      + " calls are already queued; scale the actor up"));
    }
    return result;
  }

  private GuestOutcome run(String operation, byte[] msg) {
    ActorInstance instance;
    try {
      instance = acquire();
    } catch (ActorLoadException e) {
      return GuestOutcome.failure(e.getMessage());
    }
    Deadline deadline = new Deadline(Thread.currentThread());
    ScheduledFuture<?> timer =
        scheduler.schedule(deadline::expire, limits.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    try {
      GuestOutcome outcome = instance.invoke(operation, msg);
      release(instance);
      return outcome;
    } catch (CallInterrupted e) {
      if (deadline.expired()) {
        LOG.warn(
            "actor call timed out actor={} operation={} timeout_ms={}",
            publicKey,
            operation,
            limits.callTimeout().toMillis());
        return GuestOutcome.failure(
            "actor "
                + publicKey
                + " did not finish "
                + operation
                + " within "
                + limits.callTimeout().toMillis()
                + " ms; the instance was discarded");
      }
      return GuestOutcome.failure(
          "Invocation received for actor " + publicKey + " that is not running");
    } finally {
      timer.cancel(false);
      deadline.finish();
    }
  }

  private ActorInstance acquire() {
    if (isolation == Isolation.POOLED) {
      ActorInstance instance = idle.poll();
      if (instance != null) {
        return instance;
      }
    }
    return ActorInstance.create(module, publicKey, handler, limits);
  }

  private void release(ActorInstance instance) {
    if (isolation == Isolation.POOLED
        && instance.reusable()
        && instance.module() == module
        && !workers.isShutdown()) {
      idle.offer(instance);
    }
  }

  /** Stops accepting calls, interrupts those in flight and drops every instance. Idempotent. */
  @Override
  public void close() {
    workers.shutdownNow();
    idle.clear();
  }

  /** Waits until the calls in flight have ended, at most {@code millis}. */
  public boolean awaitStopped(long millis) throws InterruptedException {
    return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }

  /** Interrupts a worker once, and only while its call is still running. */
  private static final class Deadline {
    private final Thread worker;
    private boolean running = true;
    private boolean expired;

    Deadline(Thread worker) {
      this.worker = worker;
    }

    synchronized void expire() {
      if (running) {
        expired = true;
        worker.interrupt();
      }
    }

    synchronized boolean expired() {
      return expired;
    }

    void finish() {
      boolean clear;
      synchronized (this) {
        running = false;
        clear = expired;
      }
      if (clear) {
        Thread.interrupted();
      }
    }
  }
}
