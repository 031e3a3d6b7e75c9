package dev.trellis.host;

import dev.trellis.host.claims.KvClaimsStore;
import dev.trellis.host.control.ControlServer;
import dev.trellis.host.lattice.KvLinkStore;
import dev.trellis.host.lattice.LatticeBucket;
import dev.trellis.host.lattice.LatticeWatch;
import dev.trellis.host.lattice.RefMaps;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.event.HostStarted;
import dev.trellis.interfaces.event.HostStopped;
import dev.trellis.interfaces.keys.Ed25519Engine;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host as a member of a lattice: links, claims and reference maps shared through the {@code
 * LATTICEDATA_{prefix}} bucket (loaded before the host serves anything), the control interface, and
 * a heartbeat every 30 s. {@link #close} (or a {@code stop host} command) stops every actor and
 * provider and publishes {@code host_stopped}.
 */
public final class LatticeHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatticeHost.class);

  /** OTP's heartbeat interval. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

  private final Host host;
  private final LatticeWatch watch;
  private final ControlServer control;
  private final ScheduledExecutorService heartbeats;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private LatticeHost(
      HostConfig config,
      Connection ctl,
      Connection rpc,
      SupervisorConfig supervisor,
      Duration heartbeatInterval) {
    KeyValueOptions options =
        config.jsDomain() == null
            ? null
            : KeyValueOptions.builder().jsDomain(config.jsDomain()).build();
    KeyValue bucket = LatticeBucket.open(ctl, config.latticePrefix(), options, 1);
    KvLinkStore links = new KvLinkStore(bucket);
    KvClaimsStore claims = new KvClaimsStore(bucket);
    RefMaps refs = new RefMaps(bucket);
    this.host = new Host(config, ctl, rpc, links, claims, refs, supervisor);
    this.watch = new LatticeWatch(ctl, bucket, List.of(links, claims, refs));
    this.control =
        new ControlServer(
            host, ctl, () -> new Thread(this::close, "host-stop").start(), supervisor.cacheDir());
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heartbeat");
              t.setDaemon(true);
              return t;
            });
    watch.start(Duration.ofSeconds(30));
    control.start();
    host.events()
        .publish(
            new HostStarted(
                config.labels(),
                config.friendlyName(),
                HostReports.uptimeSeconds(host),
                config.version()));
    heartbeats.scheduleAtFixedRate(
        () -> host.events().publish(HostReports.heartbeat(host)),
        heartbeatInterval.toMillis(),
        heartbeatInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info(
        "host started host={} name={} lattice={} ed25519={}",
        config.hostId(),
        config.friendlyName(),
        config.latticePrefix(),
        Ed25519Engine.current());
  }

  /**
   * Joins the lattice: opens (or creates) its metadata bucket, loads every link and claim, then
   * serves the control interface.
   */
  public static LatticeHost start(
      HostConfig config, Connection ctl, Connection rpc, SupervisorConfig supervisor) {
    return new LatticeHost(config, ctl, rpc, supervisor, HEARTBEAT_INTERVAL);
  }

  /** As {@link #start}, with another heartbeat interval (tests). */
  public static LatticeHost start(
      HostConfig config,
      Connection ctl,
      Connection rpc,
      SupervisorConfig supervisor,
      Duration heartbeatInterval) {
    return new LatticeHost(config, ctl, rpc, supervisor, heartbeatInterval);
  }

  public Host host() {
    return host;
  }

  /** Waits until the host stopped (by {@link #close} or a {@code stop host} command). */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops serving, stops every actor and provider, publishes {@code host_stopped}. Idempotent. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    heartbeats.shutdownNow();
    control.close();
    host.close();
    watch.close();
    host.events().publish(new HostStopped(host.config().labels()));
    host.events().flush(Duration.ofSeconds(2));
    LOG.info("host stopped host={}", host.hostId());
    stopped.countDown();
  }
}
