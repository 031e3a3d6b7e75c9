package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.Isolation;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.NatsServer;
import dev.trellis.providers.httpserver.DirectServer;
import io.nats.client.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTP requests per second through httpserver → actor against the same server library answering
 * directly, same client, request and concurrency. The provider runs as the host runs it: a child
 * process started from its archive, linked to echo-rust; {@link DirectServer} is that provider's
 * server (event loops, codec, mapping) answering the actor's own response without NATS or an actor,
 * in the bench's JVM.
 */
final class HttpSuite implements Suite {
  static final String NAME = "http";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    Path archive =
        Path.of(System.getProperty("trellis.root", "."))
            .resolve("providers/httpserver/target/httpserver.par.gz");
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "http: " + archive + " is missing; build it with ./mvnw -pl bench -am package");
    }
    Path cache = Files.createTempDirectory("trellis-bench-providers");
    try {
      return measure(server, settings, archive, cache);
    } finally {
      deleteTree(cache);
    }
  }

  private List<Result> measure(NatsServer server, Settings settings, Path archive, Path cache)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    HttpLoad load = new HttpLoad(settings.inFlight());
    try (Connection hostConnection = server.connectionConfig().connect();
        Host host =
            new Host(
                HostConfig.builder()
                    .withLatticePrefix("bench-http")
                    .withClusterKey(KeyPair.generate(KeyType.CLUSTER))
                    .withRpcTimeout(Duration.ofSeconds(5))
                    .build(),
                hostConnection)) {
      String actor =
          host.startActor(
                  Modules.read("echo-rust"),
                  host.defaultActorOptions().withIsolation(Isolation.POOLED).withScale(cores))
              .publicKey();
      ProviderSpec spec =
          ProviderSpec.fromArchive(archive, "default", cache, null, Clock.systemUTC());
      host.startProvider(spec);
      int port = freePort();
      host.links()
          .put(
              new LinkDefinition(
                  actor,
                  spec.providerKey(),
                  "default",
                  "wasmcloud:httpserver",
                  Map.of("ADDRESS", "127.0.0.1:" + port)));
      URI viaActor = URI.create("http://127.0.0.1:" + port + "/bench");
      byte[] body = firstAnswer(viaActor);
      try (DirectServer direct =
          DirectServer.start(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              new HttpResponse(200, Map.of(), body))) {
        URI directUri = URI.create("http://127.0.0.1:" + direct.address().getPort() + "/bench");
        WarmUp.untilCompiled(() -> load.run(NAME, "warm-up", directUri, RpcSuite.warmUp(settings)));
        Result baseline =
            load.run(NAME, "httpserver answering directly", directUri, settings.requests());
        WarmUp.untilCompiled(() -> load.run(NAME, "warm-up", viaActor, RpcSuite.warmUp(settings)));
        Result actorLine =
            load.run(
                NAME,
                "httpserver → echo-rust (scale " + cores + ")",
                viaActor,
                settings.requests());
        return List.of(baseline.versus("baseline"), actorLine.versusRate(baseline));
      }
    }
  }

  /** Waits (bounded) until the provider listens and the actor answers; returns the body. */
  private static byte[] firstAnswer(URI uri) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpLoad.Response response = HttpLoad.get(uri);
        if (response.status() == 200) {
          return response.body();
        }
        last = "HTTP " + response.status();
      } catch (Exception e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "http: the httpserver provider did not answer through the actor within 60 s: " + last);
  }

  /** Deletes the extracted provider binaries (best effort). */
  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("http: failed to find a free port: " + e.getMessage(), e);
    }
  }
}
