package dev.trellis.conformance;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.nats.chunking.ChunkStore;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The host side of one provider under test, over a real NATS connection, doing what a Trellis or
 * wasmCloud host does (spec dataplane §3–§6): HostData for the provider's stdin, links published on
 * {@code linkdefs.put}/{@code linkdefs.del} as msgpack, invocations from actors signed with the
 * cluster seed ({@link InvocationSigner}) and chunked through the lattice's object store when
 * larger than 900 KiB (both ways), health checks and shutdown requests.
 */
final class LatticeHost {
  static final String LINK_NAME = "default";

  final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  final String lattice;
  final String providerKey;
  final String contract;
  private final Connection nc;
  private final String natsUrl;
  private final InvocationSigner signer = new InvocationSigner(cluster, Clock.systemUTC());
  private final ChunkStore chunks;

  LatticeHost(Connection nc, String natsUrl, String lattice, String providerKey, String contract) {
    this.nc = nc;
    this.natsUrl = natsUrl;
    this.lattice = lattice;
    this.providerKey = providerKey;
    this.contract = contract;
    this.chunks = ChunkStore.of(nc, lattice, null);
  }

  /** A new actor identity, {@code M…}. */
  static String newActor() {
    return KeyPair.generate(KeyType.MODULE).publicKey();
  }

  /** HostData as an OTP host sends it (url without scheme), with {@code env} as env_values. */
  String stdinLine(Map<String, String> env) {
    HostData.Builder builder =
        HostData.builder()
            .withHostId(hostId)
            .withLatticeRpcPrefix(lattice)
            .withLinkName(LINK_NAME)
            .withLatticeRpcUrl(natsUrl.replace("nats://", ""))
            .withProviderKey(providerKey)
            .withInvocationSeed(Secret.of(cluster.seed().reveal()))
            .withInstanceId(UUID.randomUUID().toString())
            .addClusterIssuer(cluster.publicKey())
            .withDefaultRpcTimeoutMs(2000L);
    env.forEach(builder::addEnvValue);
    return HostDataCodec.toStdinLine(builder.build());
  }

  LinkDefinition link(String actor, Map<String, String> values) {
    return new LinkDefinition(actor, providerKey, LINK_NAME, contract, values);
  }

  /** Publishes {@code link} on the provider's {@code linkdefs.put} subject. */
  void putLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsPut(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** Publishes {@code link} on the provider's {@code linkdefs.del} subject. */
  void deleteLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsDel(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** The health reply, or empty when none came within {@code timeout}. */
  Optional<HealthCheckResponse> health(Duration timeout) throws InterruptedException {
    return request(
            Subjects.providerHealth(lattice, providerKey, LINK_NAME),
            HealthCheckCodec.encodeRequest(new HealthCheckRequest()),
            timeout)
        .map(m -> HealthCheckCodec.decodeResponse(m.getData()));
  }

  /** Asks the provider to stop; the reply text, or empty. */
  Optional<String> shutdown(Duration timeout) throws InterruptedException {
    byte[] body = ("{\"host_id\":\"" + hostId + "\"}").getBytes(StandardCharsets.UTF_8);
    return request(Subjects.providerShutdown(lattice, providerKey, LINK_NAME), body, timeout)
        .map(m -> new String(m.getData(), StandardCharsets.UTF_8));
  }

  /**
   * Starts an invocation of {@code operation} from {@code actor}; the future completes with the
   * provider's response (dechunked), or exceptionally when no reply came within {@code timeout}.
   */
  CompletableFuture<InvocationResponse> invokeAsync(
      String actor, String operation, byte[] payload, Duration timeout) {
    WasmCloudEntity origin = WasmCloudEntity.actor(actor);
    WasmCloudEntity target = WasmCloudEntity.provider(providerKey, contract, LINK_NAME);
    Invocation invocation;
    if (ChunkStore.needsChunking(payload.length)) {
      String id = UUID.randomUUID().toString();
      String claims = signer.encodeClaims(id, origin, target, operation, payload);
      chunks.putRequest(id, payload);
      invocation =
          new Invocation(
              origin,
              target,
              operation,
              new byte[0],
              id,
              claims,
              hostId,
              (long) payload.length,
              Map.of());
    } else {
      invocation = signer.sign(origin, target, operation, payload, hostId);
    }
    String id = invocation.id();
    return nc.requestWithTimeout(
            Subjects.providerRpc(lattice, providerKey, LINK_NAME),
            InvocationCodec.encode(invocation),
            timeout)
        // Not on the NATS dispatcher thread: fetching a chunked result is a JetStream request.
        .thenApplyAsync(
            reply -> {
              InvocationResponse response = InvocationResponseCodec.decode(reply.getData());
              return response.isSuccess() && response.isChunked()
                  ? response.withMsg(chunks.takeResponse(id))
                  : response;
            });
  }

  /** Sends an invocation built elsewhere (e.g. a forged one) and waits for the provider's reply. */
  InvocationResponse send(Invocation invocation, Duration timeout) throws InterruptedException {
    return request(
            Subjects.providerRpc(lattice, providerKey, LINK_NAME),
            InvocationCodec.encode(invocation),
            timeout)
        .map(m -> InvocationResponseCodec.decode(m.getData()))
        .orElseThrow(() -> new AssertionError("no reply from provider " + providerKey));
  }

  /** Asks the provider to stop on behalf of {@code otherHostId}; the reply text, or empty. */
  Optional<String> shutdownFor(String otherHostId, Duration timeout) throws InterruptedException {
    byte[] body = ("{\"host_id\":\"" + otherHostId + "\"}").getBytes(StandardCharsets.UTF_8);
    return request(Subjects.providerShutdown(lattice, providerKey, LINK_NAME), body, timeout)
        .map(m -> new String(m.getData(), StandardCharsets.UTF_8));
  }

  /** {@link #invokeAsync}, waited for. */
  InvocationResponse invoke(String actor, String operation, byte[] payload, Duration timeout)
      throws InterruptedException {
    CompletableFuture<InvocationResponse> future = invokeAsync(actor, operation, payload, timeout);
    try {
      return future.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      throw new AssertionError(
          "no reply to " + operation + " from provider " + providerKey + " within " + timeout, e);
    }
  }

  private Optional<Message> request(String subject, byte[] body, Duration timeout)
      throws InterruptedException {
    try {
      return Optional.of(
          nc.requestWithTimeout(subject, body, timeout)
              .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      return Optional.empty();
    }
  }
}
