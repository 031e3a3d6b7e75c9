package dev.trellis.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, with real processes: an HTTP client → the httpserver provider → the counter actor
 * on Chicory → the keyvalue-nats provider → back, both providers started by the host from their
 * signed archives.
 */
@WithNats
class EndToEndIT {
  @TempDir Path cache;

  @Test
  void anHttpRequestCountsThroughTheActorAndTheKeyValueProvider(Connection nc, Lattice lattice)
      throws Exception {
    try (Host host =
        new Host(HostConfig.builder().withLatticePrefix(lattice.prefix()).build(), nc)) {
      String actor = host.startActor(Corpus.module("kvcounter-rust")).publicKey();
      String http = start(host, "httpserver");
      String kv = start(host, "keyvalue-nats");
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      host.links()
          .put(
              new LinkDefinition(
                  actor,
                  kv,
                  "default",
                  "wasmcloud:keyvalue",
                  Map.of("BUCKET", "e2e_" + lattice.prefix())));
      host.links()
          .put(
              new LinkDefinition(
                  actor,
                  http,
                  "default",
                  "wasmcloud:httpserver",
                  Map.of("ADDRESS", "127.0.0.1:" + port)));

      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI uri = URI.create("http://127.0.0.1:" + port + "/");
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> get(client, uri).statusCode() == 200);
      HttpResponse<String> next = get(client, uri);
      HttpResponse<String> last = get(client, uri);
      int before = count(next.body());
      assertThat(count(last.body())).isEqualTo(before + 1);
      assertThat(last.body()).matches("\\{\"counter\":\\d+}");
    }
  }

  private String start(Host host, String provider) {
    Path par = Corpus.root().resolve("providers/" + provider + "/target/" + provider + ".par.gz");
    assertThat(Files.isRegularFile(par))
        .as(par + " (built by its module in this reactor)")
        .isTrue();
    ProviderSpec spec =
        ProviderSpec.fromArchive(par, "default", cache, par.toString(), Clock.systemUTC());
    host.startProvider(spec);
    return spec.providerKey();
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int count(String body) {
    return Integer.parseInt(body.replaceAll("[^0-9]", ""));
  }
}
