package dev.trellis.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A provider started elsewhere (here: by the test, with its own HostData) is attached: the host
 * never spawns it, but delivers its links, and the counter actor counts through it.
 */
@WithNats
class AttachedProviderIT {
  @Test
  void anAttachedProviderServesTheCounterActor(NatsFixture nats, Connection nc, Lattice lattice)
      throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    String providerKey = KeyPair.generate(KeyType.SERVICE).publicKey();
    HostData data =
        HostData.builder()
            .withHostId(KeyPair.generate(KeyType.SERVER).publicKey())
            .withLatticeRpcPrefix(lattice.prefix())
            .withLinkName("default")
            .withLatticeRpcUrl(nats.url())
            .withProviderKey(providerKey)
            .withInvocationSeed(Secret.of(cluster.seed().reveal()))
            .withInstanceId(UUID.randomUUID().toString())
            .addClusterIssuer(cluster.publicKey())
            .build();
    Path launcher = Corpus.root().resolve("providers/test-provider/bin/test-provider");
    ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
    builder.environment().put("TEST_PROVIDER_CONTRACT", "wasmcloud:keyvalue");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process provider = builder.start();
    try (OutputStream stdin = provider.getOutputStream();
        Host host =
            new Host(
                HostConfig.builder()
                    .withLatticePrefix(lattice.prefix())
                    .withClusterKey(cluster)
                    .build(),
                nc)) {
      stdin.write(HostDataCodec.toStdinLine(data).getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      String actor = host.startActor(Corpus.module("kvcounter-rust")).publicKey();
      host.providers().attach(ProviderSpec.attached(providerKey, "wasmcloud:keyvalue", "default"));
      host.links()
          .put(new LinkDefinition(actor, providerKey, "default", "wasmcloud:keyvalue", Map.of()));

      byte[] get =
          HttpServerCodec.encodeRequest(new HttpRequest("GET", "/", "", Map.of(), new byte[0]));
      InvocationSigner signer = new InvocationSigner(cluster, Clock.systemUTC());
      await()
          .atMost(java.time.Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> body(call(nc, lattice, signer, actor, get)).startsWith("200 {\"counter\":"));
      String next = body(call(nc, lattice, signer, actor, get));
      assertThat(next).matches("200 \\{\"counter\":\\d+}");
      assertThat(host.providers().find(providerKey, "default").orElseThrow().supervised())
          .isFalse();
      host.providers().stop(providerKey, "default");
      assertThat(provider.isAlive())
          .as("an attached provider is never killed by the host")
          .isTrue();
    } finally {
      provider.destroyForcibly();
    }
  }

  private static InvocationResponse call(
      Connection nc, Lattice lattice, InvocationSigner signer, String actor, byte[] msg)
      throws Exception {
    return TestProviders.send(
        nc,
        Subjects.actorRpc(lattice.prefix(), actor),
        TestProviders.sign(
            signer, TestProviders.httpServer(), actor, "HttpServer.HandleRequest", msg));
  }

  private static String body(InvocationResponse response) {
    var http = HttpServerCodec.decodeResponse(response.msg());
    return http.statusCode() + " " + new String(http.body(), StandardCharsets.UTF_8);
  }
}
