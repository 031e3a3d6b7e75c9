package dev.trellis.host.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider process this host spawned and keeps alive: on an unexpected exit it is restarted after
 * an exponential backoff, with a new instance id and HostData carrying the current links; repeated
 * exits are reported as a crash loop. {@link #stop} sends the shutdown request, then ends the
 * process tree.
 *
 * <p>State changes happen under {@code lock}; the lock is never held while spawning, waiting for a
 * process or talking to NATS.
 */
public final class SupervisedProvider implements HostedProvider {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisedProvider.class);

  private enum State {
    RUNNING,
    BACKOFF,
    STOPPING,
    STOPPED
  }

  private final ProviderSpec spec;
  private final SupervisorConfig config;
  private final Function<String, byte[]> hostDataLine;
  private final ProviderListener listener;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final Object lock = new Object();
  private State state = State.BACKOFF;
  private ProviderProcess process;
  private String instanceId = "";
  private ScheduledFuture<?> pendingRestart;
  private boolean crashLoopReported;
  private volatile boolean healthy = true;

  SupervisedProvider(
      ProviderSpec spec,
      SupervisorConfig config,
      Function<String, byte[]> hostDataLine,
      ProviderListener listener,
      ScheduledExecutorService scheduler,
      Backoff backoff) {
    this.spec = spec;
    this.config = config;
    this.hostDataLine = hostDataLine;
    this.listener = listener;
    this.scheduler = scheduler;
    this.backoff = backoff;
  }

  @Override
  public ProviderSpec spec() {
    return spec;
  }

  @Override
  public String instanceId() {
    synchronized (lock) {
      return instanceId;
    }
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  void healthy(boolean value) {
    healthy = value;
  }

  /** The OS process id of the current instance, or -1 while none runs. */
  public long pid() {
    synchronized (lock) {
      return process != null && process.alive() ? process.pid() : -1;
    }
  }

  /** Whether a process is running now (false while backing off or stopped). */
  public boolean running() {
    synchronized (lock) {
      return state == State.RUNNING && process != null && process.alive();
    }
  }

  /**
   * Spawns the first instance.
   *
   * @throws ProviderStartException when the executable cannot be started
   */
  void start() {
    spawn();
  }

  private void spawn() {
    String id = UUID.randomUUID().toString();
    ProviderProcess started =
        ProviderProcess.start(
            List.of(spec.executable().toString()),
            Map.of(),
            hostDataLine.apply(id),
            spec.logId(),
            null);
    synchronized (lock) {
      if (state == State.STOPPING || state == State.STOPPED) {
        scheduler.execute(() -> started.stop(config.stopGrace()));
        return;
      }
      process = started;
      instanceId = id;
      state = State.RUNNING;
      backoff.started();
    }
    healthy = true;
    started.exit().whenComplete((code, failure) -> scheduler.execute(() -> exited(started, code)));
    LOG.info(
        "provider started provider={} link={} pid={} instance={}",
        spec.providerKey(),
        spec.linkName(),
        started.pid(),
        id);
    listener.started(this);
  }

  private void exited(ProviderProcess exitedProcess, Integer code) {
    Duration delay;
    boolean reportLoop;
    synchronized (lock) {
      if (exitedProcess != process || state != State.RUNNING) {
        return;
      }
      state = State.BACKOFF;
      delay = backoff.exited();
      reportLoop = backoff.inCrashLoop() && !crashLoopReported;
      crashLoopReported = backoff.inCrashLoop();
      pendingRestart = scheduler.schedule(this::restart, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    String reason = describeExit(exitedProcess, code);
    if (reportLoop) {
      reason =
          "crash loop ("
              + backoff.recentExits()
              + " exits within "
              + config.restart().crashLoopWindow().toSeconds()
              + " s, restarting with backoff): "
              + reason;
    }
    LOG.warn(
        "provider exited provider={} link={} reason=\"{}\" restart_in_ms={}",
        spec.providerKey(),
        spec.linkName(),
        reason,
        delay.toMillis());
    listener.stopped(this, reason);
    if (reportLoop) {
      LOG.error(
          "provider crash loop provider={} link={} exits={} window_s={}: {}",
          spec.providerKey(),
          spec.linkName(),
          backoff.recentExits(),
          config.restart().crashLoopWindow().toSeconds(),
          reason);
      listener.crashLoop(this, backoff.recentExits(), reason);
    }
  }

  private void restart() {
    synchronized (lock) {
      if (state != State.BACKOFF) {
        return;
      }
    }
    try {
      spawn();
    } catch (ProviderStartException e) {
      LOG.warn("provider restart failed provider={} cause={}", spec.providerKey(), e.getMessage());
      synchronized (lock) {
        if (state != State.BACKOFF) {
          return;
        }
        Duration delay = backoff.exited();
        pendingRestart = scheduler.schedule(this::restart, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * Stops the provider for good: no more restarts; if a process runs, {@code shutdownRequest} is
   * sent (it waits for the reply up to its own timeout), then the process tree is terminated and,
   * after the stop grace, killed. Idempotent; returns once the process is gone.
   */
  void stop(Runnable shutdownRequest) {
    ProviderProcess running;
    synchronized (lock) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return;
      }
      state = State.STOPPING;
      if (pendingRestart != null) {
        pendingRestart.cancel(false);
      }
      running = process;
    }
    if (running != null && running.alive()) {
      try {
        shutdownRequest.run();
      } catch (RuntimeException e) {
        LOG.debug("shutdown request failed provider={} cause={}", spec.providerKey(), e.toString());
      }
      running.stop(config.stopGrace());
    }
    synchronized (lock) {
      state = State.STOPPED;
    }
    LOG.info("provider stopped provider={} link={}", spec.providerKey(), spec.linkName());
    listener.stopped(this, "normal");
  }

  private static String describeExit(ProviderProcess p, Integer code) {
    List<String> last = p.lastLines();
    String said = last.isEmpty() ? "" : ": " + last.get(last.size() - 1);
    return "exited with code " + code + said;
  }
}
