package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.provider.testing.PackedArchive;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider as a host runs it: a child process (from the build's signed archive, and from the
 * checkout's launcher) reading HostData on stdin, serving HTTP for its linked actor.
 */
@WithNats
class LaunchedHttpServerIT {
  static final Path ARCHIVE = Path.of("target/httpserver.par.gz");
  static final Path LAUNCHER = Path.of("bin/httpserver");
  static final Duration START = Duration.ofSeconds(60);
  static final Duration EXIT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();

  @Test
  void theArchiveIsSignedAndItsExecutableServesHttpThroughTheActor(
      NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    ProviderArchive archive = PackedArchive.read(ARCHIVE, Path.of("keys"), HttpServer.CONTRACT_ID);
    String service = archive.providerKey();
    Path executable = PackedArchive.extract(archive, dir.resolve("httpserver"));

    try (ProviderHarness h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID, service)) {
      h.actor(
          actor,
          HttpServerIT.answer(
              request -> HttpResponse.ok(HttpServerIT.bytes("hi " + request.path()))));
      int port = freePort();
      try (ProviderProcess provider =
          ProviderProcess.start(executable, Map.of())
              .write(h.stdinLine(h.link(actor, Map.of("PORT", String.valueOf(port)))))) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/there");
        await()
            .atMost(START)
            .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
            .until(() -> get(uri).isPresent());

        assertThat(get(uri)).contains("hi /there");

        assertThat(h.shutdown()).contains("shutting down");
        assertThat(provider.exitCode(EXIT)).isZero();
        assertThat(provider.stderrText()).contains("listener started actor=" + actor);
      }
    }
  }

  @Test
  void theLauncherRunsTheProviderUntilStdinCloses(NatsFixture nats, Lattice lattice)
      throws Exception {
    try (ProviderHarness h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID)) {
      h.actor(actor, HttpServerIT.answer(request -> HttpResponse.ok(HttpServerIT.bytes("ok"))));
      int port = freePort();
      try (ProviderProcess provider =
          ProviderProcess.start(LAUNCHER, Map.of())
              .write(h.stdinLine(h.link(actor, Map.of("ADDRESS", "127.0.0.1:" + port))))) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        await()
            .atMost(START)
            .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
            .until(() -> get(uri).isPresent());

        provider.closeStdin();

        assertThat(provider.exitCode(EXIT)).isZero();
        assertThat(get(uri)).isEmpty();
      }
    }
  }

  /** The body of a GET, or empty when nothing listens. */
  private Optional<String> get(URI uri) throws InterruptedException {
    try {
      return Optional.of(
          client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body());
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
