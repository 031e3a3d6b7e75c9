package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
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
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.ProviderRunner;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider run in-process by {@link ProviderRunner} on a real nats-server, and the lattice around
 * it: the host's keys and HostData, link puts and deletes, and actors played by NATS responders on
 * {@code wasmbus.rpc.{lattice}.{actor}} that check each invocation as the OTP host does ({@link
 * HostInvocationValidator}) before answering.
 */
final class ProviderHarness implements AutoCloseable {
  static final String LINK_NAME = "default";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  final String providerKey;
  final String lattice;
  final String contract;
  final Connection nc;
  final String natsUrl;
  private final InvocationSigner signer;
  private ProviderRunner runner;

  ProviderHarness(NatsFixture nats, Lattice lattice, String contract) {
    this(nats, lattice, contract, KeyPair.generate(KeyType.SERVICE).publicKey());
  }

  ProviderHarness(NatsFixture nats, Lattice lattice, String contract, String providerKey) {
    this.providerKey = providerKey;
    this.lattice = lattice.prefix();
    this.contract = contract;
    this.nc = nats.connect();
    this.natsUrl = nats.url();
    this.signer = new InvocationSigner(cluster, Clock.systemUTC());
  }

  /** HostData as an OTP host writes it, with {@code links} and an RPC timeout of 2 s. */
  HostData.Builder hostData(List<LinkDefinition> links) {
    HostData.Builder builder =
        HostData.builder()
            .withHostId(hostId)
            .withLatticeRpcPrefix(lattice)
            .withLinkName(LINK_NAME)
            .withLatticeRpcUrl(natsUrl.replace("nats://", ""))
            .withProviderKey(providerKey)
            .withInvocationSeed(Secret.of(cluster.seed().reveal()))
            .withInstanceId("00000000-0000-4000-8000-000000000001")
            .addClusterIssuer(cluster.publicKey())
            .withDefaultRpcTimeoutMs(2000L);
    links.forEach(builder::addLinkDefinition);
    return builder;
  }

  /** Starts {@code provider} in-process with HostData holding {@code links}. */
  ProviderHarness start(CapabilityProvider provider, LinkDefinition... links) {
    runner =
        ProviderRunner.builder(provider).withHostData(hostData(List.of(links)).build()).build();
    runner.start();
    return this;
  }

  ProviderRunner runner() {
    return runner;
  }

  LinkDefinition link(String actor, Map<String, String> values) {
    return new LinkDefinition(actor, providerKey, LINK_NAME, contract, values);
  }

  WasmCloudEntity providerEntity() {
    return WasmCloudEntity.provider(providerKey, contract, LINK_NAME);
  }

  void putLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsPut(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  void deleteLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsDel(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** The HostData line a host writes on a provider's stdin, holding {@code links}. */
  String stdinLine(LinkDefinition... links) {
    return HostDataCodec.toStdinLine(hostData(List.of(links)).build());
  }

  /** Asks the provider to stop, as its host does; the reply text, or empty without one. */
  Optional<String> shutdown() throws InterruptedException {
    var reply =
        nc.request(
            Subjects.providerShutdown(lattice, providerKey, LINK_NAME),
            ("{\"host_id\":\"" + hostId + "\"}").getBytes(StandardCharsets.UTF_8),
            TIMEOUT);
    return Optional.ofNullable(reply).map(m -> new String(m.getData(), StandardCharsets.UTF_8));
  }

  /** Whether the provider has recorded a link for {@code actor}. */
  boolean isLinked(String actor) {
    return runner.connection().link(actor).isPresent();
  }

  /** An invocation from {@code actor} to the provider, signed as a host signs it, and its reply. */
  InvocationResponse invoke(String actor, String operation, byte[] payload)
      throws InterruptedException {
    Invocation inv =
        signer.sign(WasmCloudEntity.actor(actor), providerEntity(), operation, payload, hostId);
    var reply =
        nc.request(
            Subjects.providerRpc(lattice, providerKey, LINK_NAME),
            InvocationCodec.encode(inv),
            TIMEOUT);
    if (reply == null) {
      throw new AssertionError("no reply to " + operation + " within " + TIMEOUT);
    }
    return InvocationResponseCodec.decode(reply.getData());
  }

  /**
   * Plays {@code actor}: each invocation for it is dechunked, validated and answered by {@code
   * answer} ({@code null}: never answered). A rejected invocation is answered with the validator's
   * error. {@link StandInActor#holdUntil} delays the replies.
   */
  StandInActor actor(String actor, Function<Invocation, InvocationResponse> answer) {
    StandInActor standIn = new StandInActor(actor);
    HostInvocationValidator validator =
        new HostInvocationValidator(List.of(cluster.publicKey()), Clock.systemUTC());
    ChunkStore chunks = ChunkStore.of(nc, lattice, null);
    Dispatcher dispatcher =
        nc.createDispatcher(
            msg -> {
              Invocation inv = InvocationCodec.decode(msg.getData());
              if (inv.isChunked()) {
                inv = inv.withMsg(chunks.takeRequest(inv.id()));
              }
              InvocationVerdict verdict = validator.validate(inv);
              standIn.received.add(inv);
              standIn.verdicts.add(verdict);
              InvocationResponse response =
                  verdict.isAccepted()
                      ? answer.apply(inv)
                      : InvocationResponse.failure(inv.id(), verdict.error().orElseThrow());
              if (response == null) {
                return;
              }
              if (response.isSuccess() && ChunkStore.needsChunking(response.msg().length)) {
                chunks.putResponse(inv.id(), response.msg());
                response =
                    new InvocationResponse(
                        new byte[0], inv.id(), null, (long) response.msg().length);
              }
              standIn.reply(msg.getReplyTo(), InvocationResponseCodec.encode(response));
            });
    dispatcher.subscribe(Subjects.actorRpc(lattice, actor), Subjects.actorRpcQueue(lattice, actor));
    try {
      nc.flush(TIMEOUT);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return standIn;
  }

  @Override
  public void close() {
    if (runner != null) {
      runner.close();
    }
  }

  /** What a played actor received, and the validator's verdict on each. */
  final class StandInActor {
    final String key;
    final List<Invocation> received = new CopyOnWriteArrayList<>();
    final List<InvocationVerdict> verdicts = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, byte[]>> held = new ArrayList<>();
    private int holdUntil;

    StandInActor(String key) {
      this.key = key;
    }

    /**
     * Holds the replies until {@code count} invocations are in (a slow actor, with every request
     * waiting at once), then sends them all, newest first; then answers at once again.
     */
    synchronized void holdUntil(int count) {
      holdUntil = count;
    }

    /** On the dispatcher thread. */
    void reply(String replyTo, byte[] response) {
      List<Map.Entry<String, byte[]>> send;
      synchronized (this) {
        if (holdUntil == 0) {
          send = List.of(Map.entry(replyTo, response));
        } else {
          held.add(Map.entry(replyTo, response));
          if (held.size() < holdUntil) {
            return;
          }
          send = new ArrayList<>(held);
          Collections.reverse(send);
          held.clear();
          holdUntil = 0;
        }
      }
      send.forEach(reply -> nc.publish(reply.getKey(), reply.getValue()));
    }
  }
}
