package dev.trellis.host.actor;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Starts actors on Chicory: compiles each distinct module once and shares the compiled factory, and
 * owns the scheduler that enforces call deadlines. One per host.
 */
public final class ActorRuntime implements AutoCloseable {
  private final ModuleCompiler compiler = new ModuleCompiler();
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;

  public ActorRuntime() {
    this(deadlineScheduler(), true);
  }

  /** Uses {@code scheduler} for call deadlines (tests pass their own). */
  public ActorRuntime(ScheduledExecutorService scheduler) {
    this(scheduler, false);
  }

  private ActorRuntime(ScheduledExecutorService scheduler, boolean ownsScheduler) {
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
  }

  /**
   * Compiles (or reuses) {@code module} and starts an actor with {@code scale} concurrent calls.
   * One instance is created up front so a module that cannot be instantiated fails here.
   *
   * @throws ActorLoadException when the module is invalid or cannot be instantiated
   */
  public Actor start(
      String publicKey,
      byte[] module,
      Isolation isolation,
      ActorLimits limits,
      int scale,
      HostCallHandler handler) {
    CompiledModule compiled = compiler.compile(publicKey, module);
    return new Actor(publicKey, compiled, isolation, limits, scale, handler, scheduler);
  }

  /**
   * One thread for every call's deadline. Each call schedules its deadline and cancels it when it
   * ends, so cancelled deadlines leave the queue at once: left in it, they would pile up for the
   * whole call timeout (50,000 at 10,000 calls/s and 5 s), making every schedule and cancel slower.
   */
  private static ScheduledExecutorService deadlineScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "actor-deadlines");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /** Swaps {@code actor}'s module for new calls; calls in flight finish on the old one. */
  public void update(Actor actor, byte[] module) {
    actor.update(compiler.compile(actor.publicKey(), module));
  }

  /** Number of distinct modules compiled so far. */
  public int compiledModules() {
    return compiler.size();
  }

  @Override
  public void close() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
