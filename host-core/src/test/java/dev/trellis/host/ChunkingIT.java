package dev.trellis.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.host.actor.ActorLimits;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.nats.chunking.ChunkStore;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.WithNats;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payloads over 900 KiB travel through the JetStream object store in both directions (§5). */
@WithNats
class ChunkingIT {
  @Test
  void aLargeRequestAndItsLargeResponseGoThroughTheObjectStore(Connection nc, Lattice lattice)
      throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    try (Host host =
        new Host(
            HostConfig.builder()
                .withLatticePrefix(lattice.prefix())
                .withClusterKey(cluster)
                .withActorLimits(ActorLimits.DEFAULT.withMaxPayloadBytes(32 << 20))
                .build(),
            nc)) {
      String actor = host.startActor(Corpus.module("echo-rust")).publicKey();
      byte[] body = new byte[1 << 20];
      Arrays.fill(body, (byte) 'x');
      byte[] payload =
          HttpServerCodec.encodeRequest(new HttpRequest("POST", "/big", "", Map.of(), body));
      assertThat(ChunkStore.needsChunking(payload.length)).isTrue();

      ChunkStore chunks = ChunkStore.of(nc, lattice.prefix(), null);
      Invocation signed =
          TestProviders.sign(
              new InvocationSigner(cluster, Clock.systemUTC()),
              TestProviders.httpServer(),
              actor,
              "HttpServer.HandleRequest",
              payload);
      chunks.putRequest(signed.id(), payload);
      InvocationResponse response =
          TestProviders.send(nc, Subjects.actorRpc(lattice.prefix(), actor), signed.withEmptyMsg());

      assertThat(response.error()).isNull();
      assertThat(response.isChunked()).isTrue();
      HttpResponse http = HttpServerCodec.decodeResponse(chunks.takeResponse(signed.id()));
      String json = new String(http.body(), StandardCharsets.UTF_8);
      assertThat(http.statusCode()).isEqualTo(200);
      assertThat(json).startsWith("{\"body\":[120,120,").contains("\"path\":\"/big\"");
    }
  }

  @Test
  void aChunkedPayloadThatDoesNotMatchTheSignedHashIsRefused(Connection nc, Lattice lattice)
      throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    try (Host host =
        new Host(
            HostConfig.builder()
                .withLatticePrefix(lattice.prefix())
                .withClusterKey(cluster)
                .build(),
            nc)) {
      String actor = host.startActor(Corpus.module("echo-rust")).publicKey();
      byte[] body = new byte[1 << 20];
      byte[] payload =
          HttpServerCodec.encodeRequest(new HttpRequest("POST", "/", "", Map.of(), body));
      Invocation signed =
          TestProviders.sign(
              new InvocationSigner(cluster, Clock.systemUTC()),
              TestProviders.httpServer(),
              actor,
              "HttpServer.HandleRequest",
              payload);
      payload[payload.length - 1] = 1;
      ChunkStore.of(nc, lattice.prefix(), null).putRequest(signed.id(), payload);
      InvocationResponse response =
          TestProviders.send(nc, Subjects.actorRpc(lattice.prefix(), actor), signed.withEmptyMsg());
      assertThat(response.error())
          .startsWith(
              "Anti-forgery check failed: Invocation hash does not match signed claims hash");
    }
  }
}
