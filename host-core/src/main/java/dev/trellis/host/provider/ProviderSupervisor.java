package dev.trellis.host.provider;

import dev.trellis.host.HostConfig;
import dev.trellis.host.link.LinkListener;
import dev.trellis.host.link.LinkStore;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of one host: starts them from executables or archives (one per provider key and
 * link name), attaches providers started elsewhere, health-checks both on a schedule, delivers link
 * changes to them on the RPC connection, and stops them — all of them when the host stops, and
 * their process trees even when the JVM exits.
 */
public final class ProviderSupervisor implements LinkListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderSupervisor.class);

  private final HostConfig host;
  private final SupervisorConfig config;
  private final Connection rpc;
  private final LinkStore links;
  private final ProviderListener listener;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Map<String, Entry> providers = new ConcurrentHashMap<>();
  private final Thread exitHook = new Thread(this::killAll, "provider-exit-hook");

  public ProviderSupervisor(
      HostConfig host,
      SupervisorConfig config,
      Connection rpc,
      LinkStore links,
      ProviderListener listener) {
    this(host, config, rpc, links, listener, defaultScheduler(), true);
  }

  ProviderSupervisor(
      HostConfig host,
      SupervisorConfig config,
      Connection rpc,
      LinkStore links,
      ProviderListener listener,
      ScheduledExecutorService scheduler,
      boolean ownsScheduler) {
    this.host = host;
    this.config = config;
    this.rpc = rpc;
    this.links = links;
    this.listener = listener;
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
    links.addListener(this);
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  private static ScheduledExecutorService defaultScheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "provider-supervisor");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * Spawns a provider and supervises it.
   *
   * @throws ProviderStartException when the same provider key and link name already run on this
   *     host, or the executable cannot be started
   */
  public SupervisedProvider start(ProviderSpec spec) {
    if (spec.executable() == null) {
      throw new ProviderStartException(
          "failed to start provider " + spec.providerKey() + ": no executable; attach it instead");
    }
    SupervisedProvider provider =
        new SupervisedProvider(
            spec,
            config,
            instanceId -> hostDataLine(spec, instanceId),
            listener,
            scheduler,
            new Backoff(config.restart(), host.clock()));
    register(spec, provider);
    try {
      provider.start();
    } catch (ProviderStartException e) {
      providers.remove(key(spec));
      listener.startFailed(spec, e.getMessage());
      throw e;
    }
    scheduleHealth(provider);
    return provider;
  }

  /** Registers a provider started elsewhere: health-checked, listed, sent links; never killed. */
  public AttachedProvider attach(ProviderSpec spec) {
    AttachedProvider provider = new AttachedProvider(spec, UUID.randomUUID().toString());
    register(spec, provider);
    LOG.info("provider attached provider={} link={}", spec.providerKey(), spec.linkName());
    listener.started(provider);
    links.all().stream().filter(l -> servedBy(l, provider)).forEach(l -> publishPut(l));
    scheduleHealth(provider);
    return provider;
  }

  private void register(ProviderSpec spec, HostedProvider provider) {
    if (providers.putIfAbsent(key(spec), new Entry(provider)) != null) {
      String error =
          "Provider with that link name is already running on this host: provider "
              + spec.providerKey()
              + " link name "
              + spec.linkName()
              + " on host "
              + host.hostId();
      listener.startFailed(spec, error);
      throw new ProviderStartException(error);
    }
  }

  public Optional<HostedProvider> find(String providerKey, String linkName) {
    return Optional.ofNullable(providers.get(key(providerKey, linkName))).map(Entry::provider);
  }

  public Collection<HostedProvider> all() {
    return providers.values().stream().map(Entry::provider).toList();
  }

  /**
   * Stops a provider: a supervised one gets the shutdown request and then its process tree is
   * ended; an attached one is only forgotten. Returns whether it was known.
   */
  public boolean stop(String providerKey, String linkName) {
    Entry entry = providers.remove(key(providerKey, linkName));
    if (entry == null) {
      return false;
    }
    entry.cancelHealth();
    if (entry.provider() instanceof SupervisedProvider supervised) {
      supervised.stop(() -> requestShutdown(supervised.spec()));
    } else {
      LOG.info("provider detached provider={} link={}", providerKey, linkName);
      listener.stopped(entry.provider(), "normal");
    }
    return true;
  }

  private void requestShutdown(ProviderSpec spec) {
    if (rpc.getStatus() != Connection.Status.CONNECTED) {
      return; // nobody would get it: go straight to ending the process
    }
    byte[] body = ("{\"host_id\":\"" + host.hostId() + "\"}").getBytes(StandardCharsets.UTF_8);
    try {
      rpc.request(
              Subjects.providerShutdown(host.latticePrefix(), spec.providerKey(), spec.linkName()),
              body)
          .get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      LOG.debug("no reply to shutdown request provider={}", spec.providerKey());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ HostData and links

  private byte[] hostDataLine(ProviderSpec spec, String instanceId) {
    HostData.Builder data =
        HostData.builder()
            .withHostId(host.hostId())
            .withLatticeRpcPrefix(host.latticePrefix())
            .withLinkName(spec.linkName())
            .withLatticeRpcUserJwt(config.providerJwt())
            .withLatticeRpcUserSeed(config.providerSeed())
            .withLatticeRpcUrl(config.providerNatsUrl())
            .withLatticeRpcTls(config.providerTls())
            .withProviderKey(spec.providerKey())
            .withInvocationSeed(Secret.of(host.clusterKey().seed().reveal()))
            .withInstanceId(instanceId)
            .withConfigJson(spec.configJson())
            .withDefaultRpcTimeoutMs(host.rpcTimeout().toMillis())
            .withLogLevel(config.logLevel())
            .withJsDomain(config.jsDomain());
    host.clusterIssuers().forEach(data::addClusterIssuer);
    links.all().stream()
        .filter(l -> l.providerId().equals(spec.providerKey()))
        .filter(l -> l.linkName().equals(spec.linkName()))
        .forEach(data::addLinkDefinition);
    return HostDataCodec.toStdinLine(data.build()).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void linkPut(LinkDefinition link) {
    find(link.providerId(), link.linkName()).ifPresent(p -> publishPut(link));
  }

  @Override
  public void linkDeleted(LinkDefinition link) {
    find(link.providerId(), link.linkName())
        .ifPresent(
            p ->
                publish(
                    Subjects.linkdefsDel(host.latticePrefix(), link.providerId(), link.linkName()),
                    link));
  }

  /**
   * Re-delivers every current link the first time an instance answers a health check: link changes
   * published while it was still starting (before it subscribed) are lost by core NATS. Providers
   * ignore duplicate puts.
   */
  private void deliverLinksOnce(HostedProvider provider) {
    Entry entry = providers.get(key(provider.spec()));
    String instance = provider.instanceId();
    if (entry == null || instance.equals(entry.linksDeliveredTo)) {
      return;
    }
    entry.linksDeliveredTo = instance;
    links.all().stream().filter(l -> servedBy(l, provider)).forEach(this::publishPut);
  }

  private void publishPut(LinkDefinition link) {
    publish(Subjects.linkdefsPut(host.latticePrefix(), link.providerId(), link.linkName()), link);
  }

  private void publish(String subject, LinkDefinition link) {
    try {
      rpc.publish(subject, LinkDefinitionCodec.encode(link));
    } catch (RuntimeException e) {
      LOG.warn(
          "failed to deliver link subject={} link={} cause={}", subject, link.id(), e.toString());
    }
  }

  private static boolean servedBy(LinkDefinition link, HostedProvider provider) {
    return link.providerId().equals(provider.providerKey())
        && link.linkName().equals(provider.linkName());
  }

  // ------------------------------------------------------------------ health

  private void scheduleHealth(HostedProvider provider) {
    Entry entry = providers.get(key(provider.spec()));
    if (entry == null) {
      return;
    }
    entry.health =
        scheduler.scheduleWithFixedDelay(
            () -> checkHealth(provider),
            config.healthGrace().toNanos(),
            config.healthInterval().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  /** One health check now; returns whether it passed. Runs on a supervisor thread. */
  boolean checkHealth(HostedProvider provider) {
    if (provider instanceof SupervisedProvider supervised && !supervised.running()) {
      return false;
    }
    boolean healthy = probe(provider.spec());
    if (healthy) {
      deliverLinksOnce(provider);
    }
    boolean changed = healthy != provider.healthy();
    if (provider instanceof SupervisedProvider supervised) {
      supervised.healthy(healthy);
    } else if (provider instanceof AttachedProvider attached) {
      attached.healthy(healthy);
    }
    if (changed) {
      LOG.info(
          "provider health changed provider={} link={} healthy={}",
          provider.providerKey(),
          provider.linkName(),
          healthy);
    }
    listener.health(provider, healthy, changed);
    return healthy;
  }

  private boolean probe(ProviderSpec spec) {
    try {
      Message reply =
          rpc.request(
                  Subjects.providerHealth(
                      host.latticePrefix(), spec.providerKey(), spec.linkName()),
                  HealthCheckCodec.encodeRequest(new HealthCheckRequest()))
              .get(host.rpcTimeout().toMillis(), TimeUnit.MILLISECONDS);
      try {
        return HealthCheckCodec.decodeResponse(reply.getData()).healthy();
      } catch (DecodeException e) {
        return true; // OTP treats any reply as healthy
      }
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ------------------------------------------------------------------ shutdown

  /** Stops every provider (in parallel) and releases the supervisor's threads. */
  @Override
  public void close() {
    List<String[]> keys =
        providers.values().stream()
            .map(e -> new String[] {e.provider().providerKey(), e.provider().linkName()})
            .toList();
    keys.parallelStream().forEach(k -> stop(k[0], k[1]));
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // the JVM is already exiting; the hook runs
    }
  }

  /** JVM exit: no NATS, no waiting for replies; end every supervised process tree. */
  private void killAll() {
    providers.values().stream()
        .map(Entry::provider)
        .filter(p -> p instanceof SupervisedProvider)
        .map(p -> (SupervisedProvider) p)
        .forEach(p -> p.stop(() -> {}));
  }

  private static String key(ProviderSpec spec) {
    return key(spec.providerKey(), spec.linkName());
  }

  private static String key(String providerKey, String linkName) {
    return providerKey + "/" + linkName;
  }

  private static final class Entry {
    private final HostedProvider provider;
    private volatile ScheduledFuture<?> health;
    private volatile String linksDeliveredTo;

    Entry(HostedProvider provider) {
      this.provider = provider;
    }

    HostedProvider provider() {
      return provider;
    }

    void cancelHealth() {
      ScheduledFuture<?> h = health;
      if (h != null) {
        h.cancel(false);
      }
    }
  }
}
