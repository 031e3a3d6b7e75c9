package dev.trellis.provider;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors of a running provider (see {@link ProviderRunner} for the thread roles). */
final class ProviderThreads {
  private ProviderThreads() {}

  /** One daemon thread, {@code trellis-provider-control}: links and shutdown, in arrival order. */
  static ExecutorService control() {
    return Executors.newSingleThreadExecutor(named("trellis-provider-control", false));
  }

  /**
   * Invocations and health checks: a virtual thread per task on JDK 21+, else a cached pool of
   * daemon threads named {@code trellis-provider-worker-N}. Unbounded, like rpc-rs, which spawns a
   * task per message: NATS flow control bounds the inflow.
   */
  static ExecutorService workers() {
    return virtualOrCached("trellis-provider-worker");
  }

  /**
   * Object-store transfers of provider → actor calls (a chunked request or result): a virtual
   * thread per task on JDK 21+, else a cached pool of daemon threads {@code
   * trellis-provider-transfer-N}.
   */
  static ExecutorService transfers() {
    return virtualOrCached("trellis-provider-transfer");
  }

  /**
   * One daemon thread, {@code trellis-provider-timer}: the timeouts of provider → actor calls. A
   * call answered in time removes its timeout from the queue.
   */
  static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, named("trellis-provider-timer", false));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ExecutorService virtualOrCached(String name) {
    try {
      Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) virtual.invoke(null);
    } catch (ReflectiveOperationException e) {
      return Executors.newCachedThreadPool(named(name, true));
    }
  }

  /** A daemon thread factory; with {@code numbered}, names end with {@code -1}, {@code -2}… */
  static ThreadFactory named(String name, boolean numbered) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      int n = count.incrementAndGet();
      Thread thread = new Thread(runnable, numbered ? name + "-" + n : name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
