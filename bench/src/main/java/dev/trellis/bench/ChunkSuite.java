package dev.trellis.bench;

import dev.trellis.host.Host;
import dev.trellis.host.HostConfig;
import dev.trellis.host.actor.ActorLimits;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.nats.NatsServer;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.ObjectStore;
import io.nats.client.api.ObjectStoreConfiguration;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A large payload (10 MiB) through chunking, in MB/s of payload (1 MB = 10^6 bytes), the median of
 * {@code chunkRuns}: a raw JetStream object store put + get (the limit), the host's {@link
 * ChunkStore} put + take, and a full round trip through the host to a raw echo actor, where the
 * request and the response are both chunked (four object-store transfers against the raw line's
 * two).
 */
final class ChunkSuite implements Suite {
  static final String NAME = "chunk";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Result> run(NatsServer server, Settings settings) throws Exception {
    byte[] payload = new byte[settings.chunkBytes()];
    new Random(42).nextBytes(payload);
    String size = ColdSuite.size(payload.length);
    int runs = settings.chunkRuns();
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    try (Connection client = server.connectionConfig().connect();
        Connection hostConnection = server.connectionConfig().connect();
        Host host =
            new Host(
                HostConfig.builder()
                    .withLatticePrefix("bench-chunk")
                    .withClusterKey(cluster)
                    .withRpcTimeout(Duration.ofSeconds(30))
                    .withActorLimits(
                        ActorLimits.DEFAULT
                            .withCallTimeout(Duration.ofSeconds(30))
                            .withMaxPayloadBytes(Math.max(16 << 20, 2 * payload.length)))
                    .build(),
                hostConnection)) {
      client.objectStoreManagement().create(ObjectStoreConfiguration.builder("bench-raw").build());
      ObjectStore raw = client.objectStore("bench-raw");
      double rawMillis =
          Timing.medianMillis(
              runs,
              () -> {
                raw.put("payload", payload);
                ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length);
                raw.get("payload", out);
                check(out.size(), payload.length);
                raw.delete("payload");
              });
      ChunkStore chunks = ChunkStore.of(client, "bench-chunk", null);
      double storeMillis =
          Timing.medianMillis(
              runs,
              () -> {
                chunks.putRequest("bench", payload);
                check(chunks.takeRequest("bench").length, payload.length);
              });
      HostedEcho echo =
          HostedEcho.start(
              host,
              hostConnection,
              cluster,
              Modules.sign(WasmModules.rawEcho(), "Raw echo", null),
              host.defaultActorOptions());
      double hostMillis =
          Timing.medianMillis(runs, () -> roundTrip(client, chunks, host, cluster, echo, payload));
      Result rawLine =
          Result.figure(
                  NAME, size + ": raw object store put + get", mbps(payload, rawMillis), "MB/s")
              .versus("baseline");
      return List.of(
          rawLine,
          versus(
              Result.figure(
                  NAME, size + ": ChunkStore put + take", mbps(payload, storeMillis), "MB/s"),
              rawLine),
          versus(
              Result.figure(
                  NAME,
                  size + ": round trip via host to a raw echo actor (both ways chunked)",
                  mbps(payload, hostMillis),
                  "MB/s"),
              rawLine));
    }
  }

  private static void roundTrip(
      Connection client,
      ChunkStore chunks,
      Host host,
      KeyPair cluster,
      HostedEcho echo,
      byte[] payload)
      throws Exception {
    Invocation signed = HostedEcho.sign(cluster, echo.actorKey(), host.hostId(), payload);
    chunks.putRequest(signed.id(), payload);
    Message reply =
        client.request(
            Subjects.actorRpc(host.config().latticePrefix(), echo.actorKey()),
            InvocationCodec.encode(signed.withEmptyMsg()),
            Duration.ofSeconds(60));
    if (reply == null) {
      throw new IllegalStateException("chunk: no reply from the raw echo actor");
    }
    InvocationResponse response = InvocationResponseCodec.decode(reply.getData());
    if (response.error() != null || !response.isChunked()) {
      throw new IllegalStateException(
          "chunk: the raw echo actor answered "
              + (response.error() != null ? response.error() : "inline"));
    }
    check(chunks.takeResponse(signed.id()).length, payload.length);
  }

  private static void check(int actual, int expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "chunk: got " + actual + " bytes back instead of " + expected);
    }
  }

  private static double mbps(byte[] payload, double millis) {
    return payload.length / 1e6 / (millis / 1e3);
  }

  private static Result versus(Result line, Result raw) {
    return line.versus(String.format(Locale.ROOT, "%.2f× raw", line.value() / raw.value()));
  }
}
