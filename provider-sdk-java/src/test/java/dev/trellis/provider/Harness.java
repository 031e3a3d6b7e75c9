package dev.trellis.provider;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One provider under test, run in-process by {@link ProviderRunner} with HostData built here, and
 * the host side of the conversation: keys, signing, requests on the provider's subjects.
 */
final class Harness implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String LINK_NAME = "default";

  final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  final String providerKey = KeyPair.generate(KeyType.SERVICE).publicKey();
  final String linkedActor = KeyPair.generate(KeyType.MODULE).publicKey();
  final String lattice;
  final Connection nc;
  final RecordingProvider provider = new RecordingProvider();
  final InvocationSigner signer;
  final HostData hostData;
  final ProviderRunner runner;

  Harness(NatsFixture nats, Lattice lattice) {
    this.lattice = lattice.prefix();
    this.nc = nats.connect();
    this.signer = new InvocationSigner(cluster, Clock.systemUTC());
    this.hostData =
        HostData.builder()
            .withHostId(hostId)
            .withLatticeRpcPrefix(this.lattice)
            .withLinkName(LINK_NAME)
            // OTP style: no scheme; the SDK adds nats://
            .withLatticeRpcUrl(nats.url().replace("nats://", ""))
            .withProviderKey(providerKey)
            .withInvocationSeed(Secret.of(cluster.seed().reveal()))
            .withInstanceId("6f0c0d2e-1111-4a4a-8888-000000000001")
            .addClusterIssuer(cluster.publicKey())
            .addLinkDefinition(link(linkedActor, Map.of("greeting", "hello")))
            .withDefaultRpcTimeoutMs(2000L)
            .build();
    this.runner = ProviderRunner.builder(provider).withHostData(hostData).build();
  }

  Harness start() {
    runner.start();
    return this;
  }

  LinkDefinition link(String actor, Map<String, String> values) {
    return new LinkDefinition(actor, providerKey, LINK_NAME, RecordingProvider.CONTRACT, values);
  }

  WasmCloudEntity providerEntity() {
    return WasmCloudEntity.provider(providerKey, RecordingProvider.CONTRACT, LINK_NAME);
  }

  /** An invocation from {@code actor} to this provider, signed by the cluster key. */
  Invocation signedFrom(String actor, String operation, byte[] msg) {
    return signer.sign(WasmCloudEntity.actor(actor), providerEntity(), operation, msg, hostId);
  }

  InvocationResponse invoke(Invocation invocation) throws InterruptedException {
    return InvocationResponseCodec.decode(requestRpc(InvocationCodec.encode(invocation)).getData());
  }

  Message requestRpc(byte[] body) throws InterruptedException {
    return request(Subjects.providerRpc(lattice, providerKey, LINK_NAME), body);
  }

  Message request(String subject, byte[] body) throws InterruptedException {
    Message reply = nc.request(subject, body, TIMEOUT);
    if (reply == null) {
      throw new AssertionError("no reply on " + subject + " within " + TIMEOUT);
    }
    return reply;
  }

  void publishPut(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsPut(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  void publishDel(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsDel(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  String healthSubject() {
    return Subjects.providerHealth(lattice, providerKey, LINK_NAME);
  }

  String shutdownSubject() {
    return Subjects.providerShutdown(lattice, providerKey, LINK_NAME);
  }

  @Override
  public void close() {
    runner.close();
  }
}
