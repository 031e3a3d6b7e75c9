package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.antiforgery.InvocationSigner;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract every SDK must keep, whatever the capability (dataplane §3, §4.3, §6, §7.3,
 * Appendix D): health answered; links put and deleted per actor; invocations from unlinked actors,
 * with a bad signature, from another cluster, for another provider or with an altered payload
 * refused with rpc-rs's texts; unknown operations answered with an error envelope; a shutdown for
 * another host ignored and one for this host answered {@code shutting down}, after which the
 * process exits. Run against one provider built with each SDK (Java, Go, Python).
 */
@WithNats
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ProviderContractConformance {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private LatticeHost host;
  private ProviderProcess provider;
  private Path workDir;

  /** Starts the provider under test as a child process whose stdin gets {@code hostDataLine}. */
  protected abstract ProviderProcess launch(String hostDataLine, Path workDir) throws Exception;

  /** The contract the provider serves. */
  protected abstract String contractId();

  /** The link values a link to the provider needs to be accepted. */
  protected Map<String, String> linkValues(String actor, Path workDir) {
    return Map.of();
  }

  @BeforeAll
  final void start(NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    workDir = dir;
    host =
        new LatticeHost(
            nats.connect(),
            nats.url(),
            lattice.prefix(),
            KeyPair.generate(KeyType.SERVICE).publicKey(),
            contractId());
    provider = launch(host.stdinLine(Map.of()), dir);
    await()
        .atMost(KeyValueConformance.START)
        .failFast("the provider exited:\n" + provider.outputText(), () -> !provider.isAlive())
        .until(() -> host.health(Duration.ofSeconds(1)).isPresent());
  }

  @AfterAll
  final void stop() {
    if (provider != null) {
      provider.close();
    }
  }

  private String linkedActor() {
    String actor = LatticeHost.newActor();
    host.putLink(host.link(actor, linkValues(actor, workDir)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !error(call(actor, "Contract.Probe")).startsWith("unlinked actor"));
    return actor;
  }

  private InvocationResponse call(String actor, String operation) throws InterruptedException {
    return host.invoke(actor, operation, new byte[0], TIMEOUT);
  }

  private static String error(InvocationResponse response) {
    return response.error() == null ? "" : response.error();
  }

  private Invocation signed(InvocationSigner signer, String actor, String providerKey, byte[] msg) {
    return signer.sign(
        WasmCloudEntity.actor(actor),
        WasmCloudEntity.provider(providerKey, contractId(), LatticeHost.LINK_NAME),
        "Contract.Probe",
        msg,
        host.hostId);
  }

  @Test
  @Order(1)
  void answersHealthChecks() throws Exception {
    Optional<HealthCheckResponse> health = host.health(TIMEOUT);
    assertThat(health).isPresent();
    assertThat(health.get().healthy()).isTrue();
  }

  @Test
  @Order(2)
  void anUnknownOperationGetsAnErrorEnvelopeNamingIt() throws Exception {
    InvocationResponse response = call(linkedActor(), "Contract.NoSuchOperation");
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.msg()).isEmpty();
    assertThat(response.error()).contains("Contract.NoSuchOperation");
  }

  @Test
  @Order(3)
  void anUnlinkedActorIsRefused() throws Exception {
    String actor = LatticeHost.newActor();
    assertThat(error(call(actor, "Contract.Probe"))).isEqualTo("unlinked actor: '" + actor + "'");
  }

  @Test
  @Order(4)
  void aDeletedLinkUnlinksTheActor() throws Exception {
    String actor = linkedActor();
    LinkDefinition link = host.link(actor, linkValues(actor, workDir));
    host.deleteLink(link);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> error(call(actor, "Contract.Probe")).equals("unlinked actor: '" + actor + "'"));
  }

  @Test
  @Order(5)
  void forgedInvocationsAreRefusedWithRpcRsTexts() throws Exception {
    String actor = linkedActor();
    InvocationSigner ours = new InvocationSigner(host.cluster, Clock.systemUTC());

    Invocation good = signed(ours, actor, host.providerKey, new byte[] {1});
    String token = good.encodedClaims();
    char last = token.charAt(token.length() - 2);
    String forgedToken =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertThat(error(host.send(withClaims(good, forgedToken), TIMEOUT)))
        .containsIgnoringCase("signature");

    InvocationSigner stranger =
        new InvocationSigner(KeyPair.generate(KeyType.CLUSTER), Clock.systemUTC());
    assertThat(error(host.send(signed(stranger, actor, host.providerKey, new byte[0]), TIMEOUT)))
        .isEqualTo("Issuer of this invocation is not in list of cluster issuers");

    String otherProvider = KeyPair.generate(KeyType.SERVICE).publicKey();
    assertThat(error(host.send(signed(ours, actor, otherProvider, new byte[0]), TIMEOUT)))
        .startsWith("target key mismatch: " + otherProvider);

    Invocation altered = good.withMsg(new byte[] {2});
    assertThat(error(host.send(altered, TIMEOUT))).containsIgnoringCase("hash");
  }

  @Test
  @Order(100)
  void aShutdownForAnotherHostIsIgnoredAndOneForThisHostStopsTheProvider() throws Exception {
    String otherHost = KeyPair.generate(KeyType.SERVER).publicKey();
    assertThat(host.shutdownFor(otherHost, Duration.ofSeconds(2))).isEmpty();
    assertThat(provider.isAlive()).isTrue();
    assertThat(host.shutdown(TIMEOUT)).contains("shutting down");
    await().atMost(Duration.ofSeconds(30)).until(() -> !provider.isAlive());
  }

  private static Invocation withClaims(Invocation inv, String claims) {
    return new Invocation(
        inv.origin(),
        inv.target(),
        inv.operation(),
        inv.msg(),
        inv.id(),
        claims,
        inv.hostId(),
        inv.contentLength(),
        inv.traceContext());
  }
}
