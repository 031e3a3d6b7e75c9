package dev.trellis.provider.testing;

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
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.ProviderRunner;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The host side of one provider on a real nats-server, as an OTP host plays it: the cluster key
 * that signs invocations, the host id, the provider's key and link name ({@value #LINK_NAME}),
 * HostData, link puts and deletes, signed invocations from actors, health and shutdown requests,
 * and actors played by NATS responders ({@link #actor}). The provider runs in-process ({@link
 * #start}) or as a child process given {@link #stdinLine} ({@link ProviderProcess}).
 *
 * <pre>{@code
 * @WithNats
 * class MyProviderIT {
 *   @Test
 *   void echoes(NatsFixture nats, Lattice lattice) throws Exception {
 *     String actor = ProviderHarness.newActor();
 *     try (ProviderHarness h = new ProviderHarness(nats, lattice, "example:echo")) {
 *       h.start(new EchoProvider(), h.link(actor, Map.of()));
 *       assertThat(h.invoke(actor, "Echo.Say", payload).msg()).isEqualTo(payload);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Requests wait {@link #TIMEOUT} unless given a timeout. Closing stops the in-process provider;
 * the connection belongs to the {@link NatsFixture}, which closes it after the test.
 */
public final class ProviderHarness implements AutoCloseable {
  /** The link name of the provider and of every link made here. */
  public static final String LINK_NAME = "default";

  /** How long requests wait for a reply unless told otherwise. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
  private final String hostId = KeyPair.generate(KeyType.SERVER).publicKey();
  private final String providerKey;
  private final String lattice;
  private final String contract;
  private final Connection nc;
  private final String natsUrl;
  private final InvocationSigner signer;
  private ProviderRunner runner;

  /** The host side of a provider of {@code contract} with a new service key. */
  public ProviderHarness(NatsFixture nats, Lattice lattice, String contract) {
    this(nats, lattice, contract, KeyPair.generate(KeyType.SERVICE).publicKey());
  }

  /**
   * The host side of the provider {@code providerKey} (e.g. the key an archive was signed for) of
   * {@code contract}.
   */
  public ProviderHarness(NatsFixture nats, Lattice lattice, String contract, String providerKey) {
    this.providerKey = providerKey;
    this.lattice = lattice.prefix();
    this.contract = contract;
    this.nc = nats.connect();
    this.natsUrl = nats.url();
    this.signer = new InvocationSigner(cluster, Clock.systemUTC());
  }

  /** A new actor key, {@code M…}. */
  public static String newActor() {
    return KeyPair.generate(KeyType.MODULE).publicKey();
  }

  /** The key that signs invocations, whose public key HostData lists as cluster issuer. */
  public KeyPair cluster() {
    return cluster;
  }

  public String hostId() {
    return hostId;
  }

  public String providerKey() {
    return providerKey;
  }

  public String lattice() {
    return lattice;
  }

  public String contract() {
    return contract;
  }

  /** The harness's own connection to the server. */
  public Connection nc() {
    return nc;
  }

  /**
   * HostData as an OTP host writes it, holding {@code links}, with an RPC timeout of 2 s; add to it
   * before {@code build()}.
   */
  public HostData.Builder hostData(LinkDefinition... links) {
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
    List.of(links).forEach(builder::addLinkDefinition);
    return builder;
  }

  /** The HostData line a host writes on a provider's stdin, holding {@code links}. */
  public String stdinLine(LinkDefinition... links) {
    return HostDataCodec.toStdinLine(hostData(links).build());
  }

  /**
   * Starts {@code provider} in-process with HostData holding {@code links}; returns once it is
   * subscribed.
   */
  public ProviderHarness start(CapabilityProvider provider, LinkDefinition... links) {
    return start(provider, hostData(links).build());
  }

  /** Starts {@code provider} in-process with {@code hostData}; returns once it is subscribed. */
  public ProviderHarness start(CapabilityProvider provider, HostData hostData) {
    runner = ProviderRunner.builder(provider).withHostData(hostData).build();
    runner.start();
    return this;
  }

  /** The in-process runner, once {@link #start} ran. */
  public ProviderRunner runner() {
    return runner;
  }

  /** A link from {@code actor} to the provider with {@code values}. */
  public LinkDefinition link(String actor, Map<String, String> values) {
    return new LinkDefinition(actor, providerKey, LINK_NAME, contract, values);
  }

  public WasmCloudEntity providerEntity() {
    return WasmCloudEntity.provider(providerKey, contract, LINK_NAME);
  }

  /** Publishes {@code link} on {@code linkdefs.put}, as a host does. */
  public void putLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsPut(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** Publishes {@code link} on {@code linkdefs.del}. */
  public void deleteLink(LinkDefinition link) {
    nc.publish(
        Subjects.linkdefsDel(lattice, providerKey, LINK_NAME), LinkDefinitionCodec.encode(link));
  }

  /** Whether the in-process provider has recorded a link for {@code actor}. */
  public boolean isLinked(String actor) {
    return runner.connection().link(actor).isPresent();
  }

  /**
   * An invocation from {@code actor} to the provider, signed as a host signs it, and its reply.
   *
   * @throws AssertionError when no reply came within {@link #TIMEOUT}
   */
  public InvocationResponse invoke(String actor, String operation, byte[] payload)
      throws InterruptedException {
    return invoke(actor, operation, payload, TIMEOUT)
        .orElseThrow(() -> new AssertionError("no reply to " + operation + " within " + TIMEOUT));
  }

  /**
   * As {@link #invoke(String, String, byte[])}; empty when no reply came within {@code timeout}.
   */
  public Optional<InvocationResponse> invoke(
      String actor, String operation, byte[] payload, Duration timeout)
      throws InterruptedException {
    Invocation inv =
        signer.sign(WasmCloudEntity.actor(actor), providerEntity(), operation, payload, hostId);
    return request(
            Subjects.providerRpc(lattice, providerKey, LINK_NAME),
            InvocationCodec.encode(inv),
            timeout)
        .map(msg -> InvocationResponseCodec.decode(msg.getData()));
  }

  /** The health reply, or empty when none came within {@code timeout} (or nobody listens yet). */
  public Optional<HealthCheckResponse> health(Duration timeout) throws InterruptedException {
    return request(
            Subjects.providerHealth(lattice, providerKey, LINK_NAME),
            HealthCheckCodec.encodeRequest(new HealthCheckRequest()),
            timeout)
        .map(msg -> HealthCheckCodec.decodeResponse(msg.getData()));
  }

  /** Asks the provider to stop, as its host does; the reply text, or empty without one. */
  public Optional<String> shutdown() throws InterruptedException {
    return shutdown(TIMEOUT);
  }

  /** As {@link #shutdown()}, waiting {@code timeout} for the reply. */
  public Optional<String> shutdown(Duration timeout) throws InterruptedException {
    byte[] body = ("{\"host_id\":\"" + hostId + "\"}").getBytes(StandardCharsets.UTF_8);
    return request(Subjects.providerShutdown(lattice, providerKey, LINK_NAME), body, timeout)
        .map(msg -> new String(msg.getData(), StandardCharsets.UTF_8));
  }

  /**
   * Plays {@code actor}: each invocation for it is dechunked, validated as a host validates it and
   * answered by {@code answer} ({@code null}: never answered). A rejected invocation is answered
   * with the validator's error.
   */
  public StandInActor actor(String actor, Function<Invocation, InvocationResponse> answer) {
    return StandInActor.start(nc, lattice, actor, cluster.publicKey(), answer, TIMEOUT);
  }

  /** Stops the in-process provider, if one was started. */
  @Override
  public void close() {
    if (runner != null) {
      runner.close();
    }
  }

  private Optional<Message> request(String subject, byte[] body, Duration timeout)
      throws InterruptedException {
    try {
      return Optional.of(
          nc.requestWithTimeout(subject, body, timeout)
              .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      return Optional.empty(); // no responders yet, or no reply in time
    }
  }
}
