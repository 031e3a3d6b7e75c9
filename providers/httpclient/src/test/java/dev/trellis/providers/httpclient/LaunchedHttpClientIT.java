package dev.trellis.providers.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.httpclient.HttpClient;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpclient.HttpRequest;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.provider.testing.PackedArchive;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider as a host runs it: the signed archive's executable as a child process. */
@WithNats
class LaunchedHttpClientIT {
  static final Path ARCHIVE = Path.of("target/httpclient.par.gz");
  static final Duration START = Duration.ofSeconds(60);
  static final Duration EXIT = Duration.ofSeconds(30);

  @Test
  void theArchiveIsSignedAndItsExecutableCallsOut(
      NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    ProviderArchive archive = PackedArchive.read(ARCHIVE, Path.of("keys"), HttpClient.CONTRACT_ID);
    String service = archive.providerKey();
    Path executable = PackedArchive.extract(archive, dir.resolve("httpclient"));

    String actor = KeyPair.generate(KeyType.MODULE).publicKey();
    try (LocalHttpServer server = new LocalHttpServer();
        ProviderHarness h = new ProviderHarness(nats, lattice, HttpClient.CONTRACT_ID, service);
        ProviderProcess provider =
            ProviderProcess.start(executable, Map.of())
                .write(h.stdinLine(h.link(actor, Map.of())))) {
      byte[] request =
          HttpClientCodec.encodeRequest(
              new HttpRequest(
                  "POST",
                  server.url("/echo"),
                  Map.of(),
                  "ping".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      InvocationResponse[] answered = new InvocationResponse[1];
      await()
          .atMost(START)
          .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
          .ignoreExceptions()
          .until(
              () -> {
                answered[0] = h.invoke(actor, HttpClient.REQUEST, request);
                return true;
              });

      assertThat(answered[0].error()).isNull();
      assertThat(HttpClientCodec.decodeResponse(answered[0].msg()).body())
          .asString()
          .isEqualTo("ping");
      assertThat(h.shutdown()).contains("shutting down");
      assertThat(provider.exitCode(EXIT)).isZero();
    }
  }

  static String publicKey(String seedFile) throws java.io.IOException {
    return KeyPair.fromSeed(Files.readString(Path.of(seedFile)).strip()).publicKey();
  }
}
