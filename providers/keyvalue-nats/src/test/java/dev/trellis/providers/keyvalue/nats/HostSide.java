package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a host does for an in-process provider: HostData, link puts and signed invocations. */
final class HostSide {
  static final String LINK_NAME = "default";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  final String providerKey = KeyPair.generate(KeyType.SERVICE).publicKey();
  final String lattice;
  final String natsUrl;
  final Connection nc;
  private final InvocationSigner signer = new InvocationSigner(cluster, Clock.systemUTC());

  HostSide(Connection nc, String natsUrl, String lattice) {
    this.nc = nc;
    this.natsUrl = natsUrl;
    this.lattice = lattice;
  }

  static String newActor() {
    return KeyPair.generate(KeyType.MODULE).publicKey();
  }

  LinkDefinition link(String actor, Map<String, String> values) {
    return new LinkDefinition(actor, providerKey, LINK_NAME, KeyValue.CONTRACT_ID, values);
  }

  HostData.Builder hostData() {
    return HostData.builder()
        .withHostId(hostId)
        .withLatticeRpcPrefix(lattice)
        .withLinkName(LINK_NAME)
        .withLatticeRpcUrl(natsUrl.replace("nats://", ""))
        .withProviderKey(providerKey)
        .withInvocationSeed(Secret.of(cluster.seed().reveal()))
        .withInstanceId("00000000-0000-4000-8000-00000000000a")
        .addClusterIssuer(cluster.publicKey());
  }

  /** Publishes the link on {@code linkdefs.put}, as a host does. */
  void putLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsPut(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** Publishes the link on {@code linkdefs.del}. */
  void deleteLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsDel(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** A signed invocation from {@code actor}; the provider's reply. */
  InvocationResponse invoke(String actor, String operation, byte[] payload) throws Exception {
    var invocation =
        signer.sign(
            WasmCloudEntity.actor(actor),
            WasmCloudEntity.provider(providerKey, KeyValue.CONTRACT_ID, LINK_NAME),
            operation,
            payload,
            hostId);
    byte[] reply =
        nc.requestWithTimeout(
                Subjects.providerRpc(lattice, providerKey, LINK_NAME),
                InvocationCodec.encode(invocation),
                TIMEOUT)
            .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
            .getData();
    return InvocationResponseCodec.decode(reply);
  }
}
