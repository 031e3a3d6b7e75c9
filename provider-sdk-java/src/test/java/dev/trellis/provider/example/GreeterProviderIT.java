package dev.trellis.provider.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's example, run as the README says a host runs it: its own JVM, HostData on stdin; then
 * called by an actor, and shut down.
 */
@WithNats
class GreeterProviderIT {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/trellis/provider/example/GreeterProvider.java");

  @Test
  void readmeShowsTheExampleAsItIs() throws Exception {
    assertThat(Files.readString(Path.of("README.md"))).contains(Files.readString(SOURCE));
  }

  @Test
  void greetsThroughTheLinkAndExitsWith0OnShutdown(NatsFixture nats, Lattice lattice, Connection nc)
      throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
    String provider = KeyPair.generate(KeyType.SERVICE).publicKey();
    String actor = KeyPair.generate(KeyType.MODULE).publicKey();
    HostData hostData =
        HostData.builder()
            .withHostId(hostId)
            .withLatticeRpcPrefix(lattice.prefix())
            .withLinkName("default")
            .withLatticeRpcUrl(nats.url())
            .withProviderKey(provider)
            .withInvocationSeed(Secret.of(cluster.seed().reveal()))
            .addClusterIssuer(cluster.publicKey())
            .addLinkDefinition(
                new LinkDefinition(
                    actor, provider, "default", "example:greeter", Map.of("greeting", "Hi")))
            .build();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GreeterProvider.class.getName())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      OutputStream stdin = process.getOutputStream();
      stdin.write(HostDataCodec.toStdinLine(hostData).getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      WasmCloudEntity target = WasmCloudEntity.provider(provider, "example:greeter", "default");
      byte[] call =
          InvocationCodec.encode(
              new InvocationSigner(cluster, Clock.systemUTC())
                  .sign(
                      WasmCloudEntity.actor(actor),
                      target,
                      "Greeter.Greet",
                      BarePayload.encodeString("Ada"),
                      hostId));
      String rpc = Subjects.providerRpc(lattice.prefix(), provider, "default");

      Message reply =
          await()
              .atMost(Duration.ofSeconds(60))
              .ignoreExceptions()
              .until(() -> nc.request(rpc, call, Duration.ofSeconds(1)), m -> m != null);
      InvocationResponse response = InvocationResponseCodec.decode(reply.getData());
      assertThat(BarePayload.decodeString(response.msg(), "greeting")).isEqualTo("Hi, Ada!");

      Message bye =
          nc.request(
              Subjects.providerShutdown(lattice.prefix(), provider, "default"),
              ("{\"host_id\":\"" + hostId + "\"}").getBytes(StandardCharsets.UTF_8),
              Duration.ofSeconds(10));
      assertThat(new String(bye.getData(), StandardCharsets.UTF_8)).isEqualTo("shutting down");
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }
}
