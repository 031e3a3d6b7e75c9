package dev.trellis.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.lattice.LatticeBucket;
import dev.trellis.host.provider.SupervisorConfig;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.event.EventCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.NatsCluster;
import dev.trellis.nats.NatsConfig;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two hosts on a 3-node NATS cluster on loopback: invocations spread over both; killing one host
 * with SIGKILL under load leaves the other serving; restarting a NATS node loses no link.
 */
class MultiHostIT {
  private final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  private final String lattice = "multi" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void invocationsSpreadFailOverAndSurviveANatsNodeRestart() throws Exception {
    String echo = Corpus.root().resolve("actors/wasm-corpus/echo-rust.wasm").toString();
    try (NatsCluster nats = NatsCluster.builder().build().start();
        Connection admin = nats.connectionConfig().connect()) {
      LatticeBucket.open(admin, lattice, null, 3);
      Connection a = NatsConfig.builder().addUrl(nats.urls().get(0)).build().connect();
      LatticeHost hostA =
          LatticeHost.start(
              HostConfig.builder().withLatticePrefix(lattice).withClusterKey(cluster).build(),
              a,
              a,
              SupervisorConfig.defaults(Host.natsAddress(a)));
      Process hostB = spawnHost(nats.urls().get(1), echo);
      try (Connection client = NatsConfig.builder().addUrl(nats.urls().get(2)).build().connect()) {
        String actor =
            hostA
                .host()
                .startActor(
                    Corpus.module("echo-rust"), hostA.host().defaultActorOptions(), echo, Map.of())
                .publicKey();
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        client
            .createDispatcher(
                m ->
                    servedBy
                        .computeIfAbsent(
                            EventCodec.decode(m.getData()).source(), k -> new AtomicInteger())
                        .incrementAndGet())
            .subscribe(Subjects.rpcEvents(lattice));
        client.flush(Duration.ofSeconds(2));
        byte[] request = invocation(actor);

        for (int i = 0; i < 200; i++) {
          assertThat(call(client, actor, request)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> servedBy.size() == 2);
        assertThat(servedBy.values()).allMatch(n -> n.get() > 10);

        // kill -9 one host under load and measure how long calls fail
        List<long[]> results = new CopyOnWriteArrayList<>();
        long killedAt = loadWhile(client, actor, request, results, hostB);
        long lastFailure =
            results.stream().filter(r -> r[1] == 0).mapToLong(r -> r[0]).max().orElse(killedAt);
        long failoverMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(lastFailure - killedAt));
        long failures = results.stream().filter(r -> r[1] == 0).count();
        System.out.printf(
            "multi-host failover: %d ms until calls succeed again, %d of %d calls failed%n",
            failoverMillis, failures, results.size());
        assertThat(failoverMillis).as("calls recover within the RPC timeout").isLessThan(5_000);
        assertThat(results.subList(results.size() - 20, results.size())).allMatch(r -> r[1] == 1);

        // restart the NATS node host A is connected to: links stay, calls keep working
        hostA
            .host()
            .links()
            .put(
                new LinkDefinition(
                    actor,
                    "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB",
                    "default",
                    "wasmcloud:keyvalue",
                    Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> hostA.host().links().all().size() == 1);
        nats.kill(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> call(client, actor, request));
        nats.restart(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> call(client, actor, request));
        assertThat(hostA.host().links().all()).hasSize(1);
        // JetStream answers again once the restarted node has caught up with the stream leader.
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () ->
                    admin.keyValue(Subjects.latticeDataBucket(lattice)).keys().stream()
                        .anyMatch(k -> k.startsWith("LINKDEF_")));
      } finally {
        hostB.destroyForcibly();
        hostA.close();
        a.close();
      }
    }
  }

  /** Sends calls in a loop; kills {@code host} after 1.5 s; stops 5 s after the kill. */
  private long loadWhile(
      Connection client, String actor, byte[] request, List<long[]> results, Process host)
      throws Exception {
    long start = System.nanoTime();
    long killedAt = 0;
    while (true) {
      long now = System.nanoTime();
      if (killedAt == 0 && now - start > TimeUnit.MILLISECONDS.toNanos(1500)) {
        host.destroyForcibly();
        killedAt = System.nanoTime();
      }
      if (killedAt != 0 && now - killedAt > TimeUnit.SECONDS.toNanos(5)) {
        return killedAt;
      }
      boolean ok = call(client, actor, request);
      results.add(new long[] {System.nanoTime(), ok ? 1 : 0});
    }
  }

  private boolean call(Connection client, String actor, byte[] request) {
    try {
      Message reply =
          client.request(Subjects.actorRpc(lattice, actor), request, Duration.ofSeconds(2));
      return reply != null && InvocationResponseCodec.decode(reply.getData()).error() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private byte[] invocation(String actor) {
    byte[] http =
        HttpServerCodec.encodeRequest(new HttpRequest("GET", "/", "", Map.of(), new byte[0]));
    return InvocationCodec.encode(
        new InvocationSigner(cluster, Clock.systemUTC())
            .sign(
                TestProviders.httpServer(),
                WasmCloudEntity.actor(actor),
                "HttpServer.HandleRequest",
                http,
                "N" + "A".repeat(55)));
  }

  private Process spawnHost(String url, String actorPath) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HostProcessMain.class.getName(),
                url,
                lattice,
                cluster.seed().reveal(),
                actorPath)
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
      if (line.startsWith("READY ")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "host-b-output");
        drain.setDaemon(true);
        drain.start();
        return p;
      }
    }
    p.destroyForcibly();
    throw new AssertionError("the second host did not start; last output: " + line);
  }
}
