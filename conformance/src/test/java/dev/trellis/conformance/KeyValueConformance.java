package dev.trellis.conformance;

import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code wasmcloud:keyvalue} conformance suite ({@link KeyValueOperationsSuite}, {@link
 * KeyValueBadInputSuite}), run against one implementation: subclass it, start the provider as a
 * child process in {@link #launch} with the HostData line it is given, and name the link values it
 * needs in {@link #linkValues}.
 *
 * <p>Per class: a real nats-server ({@link WithNats}), one lattice, one provider process (started
 * once, stopped at the end). Per test: a new actor, linked to the provider by a msgpack
 * LinkDefinition on {@code linkdefs.put}, and a random key prefix, so tests never share data. Every
 * call is a signed invocation over NATS, as a host sends it. When a test fails, the provider's
 * output is printed after the class.
 */
@WithNats
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeyValueConformance
    implements KeyValueOperationsSuite, KeyValueBadInputSuite {
  /** How long a provider may take to start and answer its first health check. */
  static final Duration START = Duration.ofSeconds(120);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicBoolean failed = new AtomicBoolean();
  private LatticeHost host;
  private ProviderProcess provider;
  private KeyValueCalls calls;

  @RegisterExtension
  final TestWatcher watcher =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failed.set(true);
        }
      };

  /**
   * Starts the implementation under test as a child process whose stdin gets {@code hostDataLine}.
   *
   * @param workDir a directory of this class's own, for the provider's files
   */
  protected abstract ProviderProcess launch(String hostDataLine, Path workDir) throws Exception;

  /** The link values every link to the implementation carries (e.g. a server url). */
  protected Map<String, String> linkValues() {
    return Map.of();
  }

  /** Called after the provider stopped, to stop what {@link #launch} started beside it. */
  protected void stopped() {}

  /** HostData {@code env_values} for the implementation. */
  protected Map<String, String> envValues() {
    return Map.of();
  }

  /** The provider's identity; any service key will do for a provider started without a PAR. */
  protected String providerKey() throws Exception {
    return KeyPair.generate(KeyType.SERVICE).publicKey();
  }

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // launching may build the provider first
  final void startProvider(NatsFixture nats, Lattice lattice, @TempDir Path workDir)
      throws Exception {
    host =
        new LatticeHost(
            nats.connect(), nats.url(), lattice.prefix(), providerKey(), KeyValue.CONTRACT_ID);
    provider = launch(host.stdinLine(envValues()), workDir);
    await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the provider exited:\n" + provider.outputText(), () -> !provider.isAlive())
        .until(() -> host.health(Duration.ofSeconds(1)).isPresent());
  }

  @BeforeEach
  final void linkAFreshActor() {
    String actor = LatticeHost.newActor();
    host.putLink(host.link(actor, linkValues()));
    String prefix = "t" + HexFormat.of().formatHex(randomBytes()) + "-";
    calls = new KeyValueCalls(host, actor, prefix);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> linked(actor));
  }

  @AfterAll
  final void stopProvider() throws Exception {
    if (provider == null) {
      stopped();
      return;
    }
    try {
      host.shutdown(Duration.ofSeconds(5));
      provider.close();
    } finally {
      stopped();
      if (failed.get()) {
        System.err.println(
            "---- output of " + provider + " ----\n" + provider.outputText() + "\n----");
      }
    }
  }

  @Override
  public KeyValueCalls kv() {
    return calls;
  }

  private boolean linked(String actor) throws InterruptedException {
    InvocationResponse response =
        host.invoke(
            actor, KeyValue.CONTAINS, BarePayload.encodeString("link-probe"), KeyValueCalls.REPLY);
    return response.error() == null || !response.error().startsWith("unlinked actor");
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
