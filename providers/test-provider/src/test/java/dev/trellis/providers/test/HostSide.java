package dev.trellis.providers.test;

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
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What a host does with a provider process: HostData, health, invocations, shutdown. */
final class HostSide {
  static final String LINK_NAME = "default";

  final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  final String actor = KeyPair.generate(KeyType.MODULE).publicKey();
  final String providerKey;
  final String contract;
  final String lattice;
  final Connection nc;
  final String natsUrl;
  private final InvocationSigner signer;

  HostSide(Connection nc, String natsUrl, String lattice, String providerKey, String contract) {
    this.nc = nc;
    this.natsUrl = natsUrl;
    this.lattice = lattice;
    this.providerKey = providerKey;
    this.contract = contract;
    this.signer = new InvocationSigner(cluster, Clock.systemUTC());
  }

  HostData.Builder hostData() {
    return HostData.builder()
        .withHostId(hostId)
        .withLatticeRpcPrefix(lattice)
        .withLinkName(LINK_NAME)
        .withLatticeRpcUrl(natsUrl.replace("nats://", ""))
        .withProviderKey(providerKey)
        .withInvocationSeed(Secret.of(cluster.seed().reveal()))
        .withInstanceId("00000000-0000-4000-8000-000000000001")
        .addClusterIssuer(cluster.publicKey())
        .addLinkDefinition(new LinkDefinition(actor, providerKey, LINK_NAME, contract, Map.of()));
  }

  String stdinLine() {
    return HostDataCodec.toStdinLine(hostData().build());
  }

  /** The health reply, or empty when none came within {@code timeout} (or nobody listens yet). */
  Optional<HealthCheckResponse> health(Duration timeout) throws InterruptedException {
    return request(
            Subjects.providerHealth(lattice, providerKey, LINK_NAME),
            HealthCheckCodec.encodeRequest(new HealthCheckRequest()),
            timeout)
        .map(msg -> HealthCheckCodec.decodeResponse(msg.getData()));
  }

  /** A signed invocation from the linked actor, or empty when no reply came in time. */
  Optional<InvocationResponse> invoke(String operation, byte[] payload, Duration timeout)
      throws InterruptedException {
    var inv =
        signer.sign(
            WasmCloudEntity.actor(actor),
            WasmCloudEntity.provider(providerKey, contract, LINK_NAME),
            operation,
            payload,
            hostId);
    return request(
            Subjects.providerRpc(lattice, providerKey, LINK_NAME),
            InvocationCodec.encode(inv),
            timeout)
        .map(msg -> InvocationResponseCodec.decode(msg.getData()));
  }

  /** The shutdown reply text, or empty when none came in time. */
  Optional<String> shutdown(Duration timeout) throws InterruptedException {
    byte[] body = ("{\"host_id\":\"" + hostId + "\"}").getBytes(StandardCharsets.UTF_8);
    return request(Subjects.providerShutdown(lattice, providerKey, LINK_NAME), body, timeout)
        .map(msg -> new String(msg.getData(), StandardCharsets.UTF_8));
  }

  private Optional<Message> request(String subject, byte[] body, Duration timeout)
      throws InterruptedException {
    try {
      return Optional.of(
          nc.requestWithTimeout(subject, body, timeout)
              .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
      return Optional.empty(); // no responders yet, or no reply in time
    }
  }
}
