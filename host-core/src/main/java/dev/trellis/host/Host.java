package dev.trellis.host;

import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.ActorLoadException;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.actor.ActorOptions;
import dev.trellis.host.actor.ActorRuntime;
import dev.trellis.host.builtin.Builtins;
import dev.trellis.host.claims.ClaimsStore;
import dev.trellis.host.claims.InMemoryClaimsStore;
import dev.trellis.host.event.EventPublisher;
import dev.trellis.host.lattice.RefMaps;
import dev.trellis.host.link.InMemoryLinkStore;
import dev.trellis.host.link.LinkStore;
import dev.trellis.host.provider.HostedProvider;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.host.provider.ProviderSupervisor;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.host.rpc.ActorServer;
import dev.trellis.host.rpc.HostCalls;
import dev.trellis.host.rpc.RpcClient;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.event.ActorEventClaims;
import dev.trellis.interfaces.event.ActorStarted;
import dev.trellis.interfaces.event.ActorStopped;
import dev.trellis.interfaces.event.ActorUpdateFailed;
import dev.trellis.interfaces.event.ActorUpdated;
import dev.trellis.interfaces.event.ActorsStarted;
import dev.trellis.interfaces.event.ActorsStopped;
import dev.trellis.interfaces.event.RefmapSet;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Trellis host in one lattice: runs actors on Chicory and serves their invocations on the RPC
 * connection, routes their host calls, supervises providers, and reports what happens as lattice
 * events on the control connection. {@link LatticeHost} adds the control interface and the shared
 * lattice metadata; this class alone serves one process (tests, embedding). See {@code
 * docs/concurrency.md} for its threads.
 */
public final class Host implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Host.class);

  private final HostConfig config;
  private final Connection rpc;
  private final LinkStore links;
  private final ClaimsStore claims;
  private final RefMaps refs;
  private final EventPublisher events;
  private final ProviderSupervisor providers;
  private final ActorRuntime runtime = new ActorRuntime();
  private final Builtins builtins = new Builtins();
  private final RpcClient rpcClient;
  private final HostInvocationValidator validator;
  private final ExecutorService intake;
  private final ChunkStore chunks;
  private final Map<String, HostedActor> actors = new ConcurrentHashMap<>();
  private final Instant started;

  /** A single-process host on one connection with in-memory links and claims. */
  public Host(HostConfig config, Connection connection) {
    this(
        config,
        connection,
        connection,
        new InMemoryLinkStore(),
        new InMemoryClaimsStore(),
        new RefMaps(null),
        SupervisorConfig.defaults(natsAddress(connection)));
  }

  public Host(
      HostConfig config,
      Connection ctl,
      Connection rpc,
      LinkStore links,
      ClaimsStore claims,
      RefMaps refs,
      SupervisorConfig supervisorConfig) {
    this.config = config;
    this.rpc = rpc;
    this.links = links;
    this.claims = claims;
    this.refs = refs;
    this.started = config.clock().instant();
    this.events = new EventPublisher(ctl, config);
    links.addListener(events);
    this.providers = new ProviderSupervisor(config, supervisorConfig, rpc, links, events);
    this.chunks = ChunkStore.of(rpc, config.latticePrefix(), config.jsDomain());
    this.rpcClient =
        new RpcClient(
            rpc,
            chunks,
            new InvocationSigner(config.clusterKey(), config.clock()),
            config.hostId(),
            config.rpcTimeout());
    this.validator = new HostInvocationValidator(config.clusterIssuers(), config.clock());
    AtomicInteger n = new AtomicInteger();
    this.intake =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "rpc-intake-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The {@code host:port} of a connection, as OTP hands it to providers. */
  static String natsAddress(Connection connection) {
    String url = connection.getConnectedUrl();
    return url == null ? "127.0.0.1:4222" : url.replaceFirst("^[a-z]+://", "");
  }

  public HostConfig config() {
    return config;
  }

  public String hostId() {
    return config.hostId();
  }

  public LinkStore links() {
    return links;
  }

  public ClaimsStore claims() {
    return claims;
  }

  public RefMaps refs() {
    return refs;
  }

  public EventPublisher events() {
    return events;
  }

  public ProviderSupervisor providers() {
    return providers;
  }

  /** The client this host uses for outbound invocations (signed with its cluster key). */
  public RpcClient rpcClient() {
    return rpcClient;
  }

  public Instant startedAt() {
    return started;
  }

  /** The default options for actors started on this host. */
  public ActorOptions defaultActorOptions() {
    return new ActorOptions(config.isolation(), config.actorLimits(), 1);
  }

  // ------------------------------------------------------------------ actors

  /** Verifies, starts and serves the actor in {@code module} with the default options. */
  public ActorModule startActor(byte[] module) {
    return startActor(module, defaultActorOptions());
  }

  /** Starts {@code options.scale()} instances of the actor in {@code module}. */
  public ActorModule startActor(byte[] module, ActorOptions options) {
    return startActor(module, options, "", Map.of());
  }

  /**
   * Verifies the module's claims and starts {@code options.scale()} instances with {@code
   * annotations}: compiles the module (once per distinct module), subscribes its RPC subject,
   * records its claims and reference, and publishes {@code actor_started} per instance and one
   * {@code actors_started}. If the actor already runs here from the same reference, the instances
   * are added to it.
   *
   * @throws ActorLoadException when the module or its claims are invalid, or the actor already runs
   *     here from another reference
   */
  public ActorModule startActor(
      byte[] module, ActorOptions options, String imageRef, Map<String, String> annotations) {
    ActorModule loaded = ActorModule.verify(module, config.clock());
    String key = loaded.publicKey();
    HostedActor hosted =
        actors.compute(
            key,
            (k, existing) -> {
              if (existing == null) {
                return newActor(loaded, module, options, imageRef);
              }
              if (!existing.imageRef().equals(imageRef)) {
                throw new ActorLoadException(
                    "failed to start actor "
                        + key
                        + ": it is already running with different reference. To upgrade an"
                        + " actor, use live update.");
              }
              return existing;
            });
    List<HostedActor.Instance> added = hosted.add(options.scale(), annotations);
    claims.put(ClaimsRecord.ofActor(loaded.claims()));
    if (!imageRef.isEmpty() && !imageRef.equals(key)) {
      refs.put(imageRef, key);
      events.publish(new RefmapSet(imageRef, key));
    }
    ActorEventClaims eventClaims = ActorEventClaims.of(loaded.validation(config.clock()));
    for (HostedActor.Instance instance : added) {
      events.publish(
          new ActorStarted(
              key,
              imageRef,
              ActorStarted.API_VERSION,
              instance.id(),
              instance.annotations(),
              eventClaims));
    }
    events.publish(
        new ActorsStarted(key, imageRef, annotations, hostId(), eventClaims, added.size()));
    LOG.info(
        "actor started actor={} name={} instances={} isolation={}",
        key,
        loaded.metadata().name(),
        hosted.count(),
        options.isolation());
    return loaded;
  }

  private HostedActor newActor(
      ActorModule loaded, byte[] module, ActorOptions options, String imageRef) {
    String key = loaded.publicKey();
    HostCalls hostCalls =
        new HostCalls(
            key, loaded.metadata(), config.latticePrefix(), links, claims, builtins, rpcClient);
    Actor actor =
        runtime.start(
            key, module, options.isolation(), options.limits(), options.scale(), hostCalls);
    ActorServer server =
        new ActorServer(
            rpc,
            config.latticePrefix(),
            actor,
            loaded.metadata(),
            validator,
            intake,
            chunks,
            events);
    server.start();
    return new HostedActor(loaded, actor, server, imageRef);
  }

  /** The running actor {@code publicKey}, if it runs on this host. */
  public Optional<Actor> actor(String publicKey) {
    return Optional.ofNullable(actors.get(publicKey)).map(HostedActor::actor);
  }

  /** Stops every instance of actor {@code publicKey}; returns whether it was running. */
  public boolean stopActor(String publicKey) {
    return stopActor(publicKey, 0, Map.of()) > 0;
  }

  /**
   * Stops instances of an actor as OTP's {@code sa} does: the first {@code count} (0 = all) whose
   * annotations contain {@code filter}. Publishes {@code actor_stopped} per instance and, for count
   * > 0, one {@code actors_stopped}; the actor stops serving when none is left.
   *
   * @return how many instances stopped
   */
  public int stopActor(String publicKey, int count, Map<String, String> filter) {
    HostedActor hosted = actors.get(publicKey);
    if (hosted == null) {
      return 0;
    }
    List<HostedActor.Instance> removed = hosted.remove(count, filter);
    int remaining = hosted.count();
    if (remaining == 0 && actors.remove(publicKey, hosted)) {
      hosted.close();
    }
    for (HostedActor.Instance instance : removed) {
      events.publish(new ActorStopped(publicKey, instance.id(), instance.annotations()));
    }
    if (count > 0) {
      events.publish(new ActorsStopped(hostId(), publicKey, removed.size(), remaining, filter));
    }
    LOG.info(
        "actor stopped actor={} instances={} remaining={}", publicKey, removed.size(), remaining);
    return removed.size();
  }

  /**
   * Scales actor {@code publicKey} to {@code count} instances (controlplane §2.12): stops the
   * surplus, or starts the missing ones (annotations are not used) from the running module, or from
   * {@code module} when the actor does not run here yet.
   *
   * @throws ActorLoadException when nothing runs here and no module was given
   */
  public void scaleActor(String publicKey, int count, byte[] module, String imageRef) {
    HostedActor hosted = actors.get(publicKey);
    int running = hosted == null ? 0 : hosted.count();
    if (running > count) {
      stopActor(publicKey, running - count, Map.of());
    } else if (running < count) {
      byte[] bytes = hosted != null ? hosted.module().bytes() : module;
      if (bytes == null) {
        throw new ActorLoadException(
            "failed to scale actor "
                + publicKey
                + ": it does not run here and no reference was given");
      }
      String ref = hosted == null ? imageRef : hosted.imageRef();
      startActor(bytes, defaultActorOptions().withScale(count - running), ref, Map.of());
    }
  }

  /** The reference actor {@code publicKey} runs from, if it runs here. */
  public Optional<String> actorImageRef(String publicKey) {
    return Optional.ofNullable(actors.get(publicKey)).map(HostedActor::imageRef);
  }

  /**
   * Live update (controlplane §2.13): the new module must carry the same actor key and a strictly
   * greater revision. New calls use it at once; calls in flight finish on their old instances.
   * Publishes {@code actor_updated} (or {@code actor_update_failed}) per instance.
   *
   * @throws ActorLoadException with the reason when the update is refused
   */
  public ActorModule updateActor(String publicKey, byte[] module) {
    HostedActor hosted = actors.get(publicKey);
    if (hosted == null) {
      throw new ActorLoadException(
          "Unable to perform live update: actor " + publicKey + " is not running on this host");
    }
    ActorModule updated;
    try {
      updated = ActorModule.verify(module, config.clock());
      if (!updated.publicKey().equals(publicKey)) {
        throw new ActorLoadException(
            "the new module is actor " + updated.publicKey() + ", not " + publicKey);
      }
      int current = hosted.module().revision();
      if (updated.revision() <= current) {
        throw new ActorLoadException(
            "the new revision "
                + updated.revision()
                + " is not greater than the running revision "
                + current);
      }
      runtime.update(hosted.actor(), module);
    } catch (RuntimeException e) {
      String reason = e.getMessage();
      for (HostedActor.Instance instance : hosted.instances()) {
        events.publish(
            new ActorUpdateFailed(publicKey, hosted.module().revision(), instance.id(), reason));
      }
      throw new ActorLoadException("Unable to perform live update: " + reason, e);
    }
    hosted.module(updated);
    claims.put(ClaimsRecord.ofActor(updated.claims()));
    for (HostedActor.Instance instance : hosted.instances()) {
      events.publish(new ActorUpdated(publicKey, updated.revision(), instance.id()));
    }
    LOG.info("actor updated actor={} revision={}", publicKey, updated.revision());
    return updated;
  }

  /** What runs here, for inventory and heartbeats. */
  Collection<HostedActor> hostedActors() {
    return actors.values();
  }

  // ------------------------------------------------------------------ providers

  /** Starts and supervises a provider; its events are published. */
  public HostedProvider startProvider(ProviderSpec spec) {
    HostedProvider provider = providers.start(spec);
    if (spec.claims() != null) {
      claims.put(ClaimsRecord.ofProvider(spec.claims()));
    }
    if (!spec.imageRef().isEmpty() && !spec.imageRef().equals(spec.providerKey())) {
      refs.put(spec.imageRef(), spec.providerKey());
    }
    return provider;
  }

  /** Stops a provider (shutdown request, then its process tree); returns whether it ran here. */
  public boolean stopProvider(String providerKey, String linkName) {
    return providers.stop(providerKey, linkName);
  }

  // ------------------------------------------------------------------ lifecycle

  /** Stops every actor and provider and releases the host's threads. Connections stay open. */
  @Override
  public void close() {
    actors.keySet().forEach(this::stopActor);
    providers.close();
    intake.shutdownNow();
    runtime.close();
  }
}
