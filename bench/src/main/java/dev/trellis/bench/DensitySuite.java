package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.Actor;
import dev.trellis.host.actor.ActorLimits;
import dev.trellis.host.actor.ActorRuntime;
import dev.trellis.host.actor.HostCallHandler;
import dev.trellis.host.actor.Isolation;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many actors on one host. First {@code densityActors} distinct actors: echo-c signed with as many
 * module keys, so every module's bytes differ and the compile cache compiles each one (the cost a
 * real lattice of distinct actors pays); every actor then answers one call through NATS. Then as
 * many actors sharing one compiled module (started on the actor runtime directly), which isolates
 * the per-actor footprint from compiled code. Heap figures are measured after garbage collection.
 */
final class DensitySuite implements Suite {
  static final String NAME = "density";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    int n = settings.densityActors();
    byte[] echo = Modules.read("echo-c");
    List<byte[]> modules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      modules.add(Modules.sign(echo, "Echo " + i, KeyPair.generate(KeyType.MODULE)));
    }
    List<Result> results = new ArrayList<>(distinct(server, settings, modules));
    results.addAll(shared(echo, n));
    return results;
  }

  private List<Result> distinct(NatsServer server, Settings settings, List<byte[]> modules)
      throws Exception {
    int n = modules.size();
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    try (Connection client = server.connectionConfig().connect();
        Connection hostConnection = server.connectionConfig().connect()) {
      long heapBefore = Heap.usedAfterGc();
      long metaBefore = Heap.metaspaceUsed();
      try (Host host =
          new Host(
              HostConfig.builder()
                  .withLatticePrefix("bench-density")
                  .withClusterKey(cluster)
                  .withRpcTimeout(Duration.ofSeconds(10))
                  .build(),
              hostConnection)) {
        List<HostedEcho> actors = new ArrayList<>(n);
        long start = System.nanoTime();
        for (byte[] module : modules) {
          actors.add(
              HostedEcho.start(host, hostConnection, cluster, module, host.defaultActorOptions()));
        }
        double startMillis = (System.nanoTime() - start) / 1e6;
        int errors = callEach(client, actors, settings.inFlight());
        long heap = Heap.usedAfterGc() - heapBefore;
        long meta = Heap.metaspaceUsed() - metaBefore;
        String what = n + " distinct actors (echo-c, each compiled)";
        return List.of(
            Result.figure(NAME, what + ": start all", startMillis, "ms")
                .versus(String.format(Locale.ROOT, "%.1f ms per actor", startMillis / n)),
            Result.figure(NAME, what + ": answered one call each", n - errors, "actors")
                .withErrors(errors),
            Result.figure(NAME, what + ": heap per actor", heap / 1024.0 / n, "KiB")
                .versus(
                    String.format(Locale.ROOT, "%.0f MiB in all", heap / (double) Settings.MIB)),
            Result.figure(NAME, what + ": metaspace per actor", meta / 1024.0 / n, "KiB")
                .versus(
                    String.format(Locale.ROOT, "%.0f MiB in all", meta / (double) Settings.MIB)));
      }
    }
  }

  private List<Result> shared(byte[] module, int n) throws Exception {
    long heapBefore = Heap.usedAfterGc();
    try (ActorRuntime runtime = new ActorRuntime()) {
      List<Actor> actors = new ArrayList<>(n);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        actors.add(
            runtime.start(
                KeyPair.generate(KeyType.MODULE).publicKey(),
                module,
                Isolation.POOLED,
                ActorLimits.DEFAULT,
                1,
                HostCallHandler.NONE));
      }
      double startMillis = (System.nanoTime() - start) / 1e6;
      long heap = Heap.usedAfterGc() - heapBefore;
      actors.forEach(Actor::close);
      String what = n + " actors sharing one compiled echo-c";
      return List.of(
          Result.figure(NAME, what + ": start all", startMillis, "ms")
              .versus(String.format(Locale.ROOT, "%.2f ms per actor", startMillis / n)),
          Result.figure(NAME, what + ": heap per actor", heap / 1024.0 / n, "KiB"));
    }
  }

  /** Calls every actor once, {@code inFlight} at a time; returns the number of failures. */
  private static int callEach(Connection client, List<HostedEcho> actors, int inFlight)
      throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger errors = new AtomicInteger();
    for (HostedEcho actor : actors) {
      slots.acquire();
      CompletableFuture<Message> reply =
          client.requestWithTimeout(actor.subject(), actor.invocation(), Duration.ofSeconds(10));
      reply.whenComplete(
          (m, failure) -> {
            if (failure != null || !HostedEcho.succeeded(m)) {
              errors.incrementAndGet();
            }
            slots.release();
          });
    }
    if (!slots.tryAcquire(inFlight, 30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("density: calls still in flight after 30 s");
    }
    return errors.get();
  }
}
