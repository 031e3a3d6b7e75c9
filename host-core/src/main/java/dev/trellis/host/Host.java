package dev.trellis.host;

import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.ActorLoadException;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.actor.ActorOptions;
import dev.trellis.host.actor.ActorRuntime;
import dev.trellis.host.builtin.Builtins;
import dev.trellis.host.claims.ClaimsStore;
import dev.trellis.host.claims.InMemoryClaimsStore;
import dev.trellis.host.link.InMemoryLinkStore;
import dev.trellis.host.link.LinkStore;
import dev.trellis.host.rpc.ActorServer;
import dev.trellis.host.rpc.HostCalls;
import dev.trellis.host.rpc.RpcClient;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import io.nats.client.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Trellis host in one lattice: runs actors on Chicory, serves their invocations on the RPC
 * connection, routes their host calls through links, claims and builtins, and signs everything it
 * sends with the cluster key. See {@code docs/concurrency.md} for its threads.
 */
public final class Host implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Host.class);

  private final HostConfig config;
  private final Connection rpc;
  private final LinkStore links;
  private final ClaimsStore claims;
  private final ActorRuntime runtime = new ActorRuntime();
  private final Builtins builtins = new Builtins();
  private final RpcClient rpcClient;
  private final HostInvocationValidator validator;
  private final ExecutorService intake;
  private final Map<String, HostedActor> actors = new ConcurrentHashMap<>();

  /** A host on {@code rpc} with in-memory link and claims stores. */
  public Host(HostConfig config, Connection rpc) {
    this(config, rpc, new InMemoryLinkStore(), new InMemoryClaimsStore());
  }

  public Host(HostConfig config, Connection rpc, LinkStore links, ClaimsStore claims) {
    this.config = config;
    this.rpc = rpc;
    this.links = links;
    this.claims = claims;
    this.rpcClient =
        new RpcClient(
            rpc,
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

  /** The client this host uses for outbound invocations (signed with its cluster key). */
  public RpcClient rpcClient() {
    return rpcClient;
  }

  /** The default options for actors started on this host. */
  public ActorOptions defaultActorOptions() {
    return new ActorOptions(config.isolation(), config.actorLimits(), 1);
  }

  /** Verifies, starts and serves the actor in {@code module} with the default options. */
  public ActorModule startActor(byte[] module) {
    return startActor(module, defaultActorOptions());
  }

  /**
   * Verifies the module's claims, compiles it (once per distinct module), starts its instances and
   * subscribes its RPC subject.
   *
   * @throws ActorLoadException when the module or its claims are invalid, or the actor already runs
   *     on this host
   */
  public ActorModule startActor(byte[] module, ActorOptions options) {
    ActorModule loaded = ActorModule.verify(module, config.clock());
    String key = loaded.publicKey();
    if (actors.containsKey(key)) {
      throw new ActorLoadException(
          "failed to start actor "
              + key
              + ": it is already running on host "
              + hostId()
              + "; scale it or update it instead");
    }
    HostCalls hostCalls =
        new HostCalls(
            key, loaded.metadata(), config.latticePrefix(), links, claims, builtins, rpcClient);
    Actor actor =
        runtime.start(
            key, module, options.isolation(), options.limits(), options.scale(), hostCalls);
    ActorServer server =
        new ActorServer(rpc, config.latticePrefix(), actor, loaded.metadata(), validator, intake);
    HostedActor hosted = new HostedActor(loaded, actor, server);
    if (actors.putIfAbsent(key, hosted) != null) {
      actor.close();
      throw new ActorLoadException(
          "failed to start actor " + key + ": it is already running on host " + hostId());
    }
    claims.put(loaded.claims());
    server.start();
    LOG.info(
        "actor started actor={} name={} isolation={} scale={}",
        key,
        loaded.metadata().name(),
        options.isolation(),
        options.scale());
    return loaded;
  }

  /** The running actor {@code publicKey}, if it runs on this host. */
  public Optional<Actor> actor(String publicKey) {
    return Optional.ofNullable(actors.get(publicKey)).map(HostedActor::actor);
  }

  /** Stops serving and running actor {@code publicKey}; returns whether it was running. */
  public boolean stopActor(String publicKey) {
    HostedActor hosted = actors.remove(publicKey);
    if (hosted == null) {
      return false;
    }
    hosted.close();
    LOG.info("actor stopped actor={}", publicKey);
    return true;
  }

  /** Stops every actor and releases the host's threads. The connections stay open. */
  @Override
  public void close() {
    actors.keySet().forEach(this::stopActor);
    intake.shutdownNow();
    runtime.close();
  }

  private record HostedActor(ActorModule module, Actor actor, ActorServer server) {
    void close() {
      server.close();
      actor.close();
    }
  }
}
