package dev.trellis.providers.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.IncrementRequest;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test provider as a real child process ({@code bin/test-provider}), driven over a real
 * nats-server the way a host drives it.
 */
@WithNats
class LaunchedProviderIT {
  static final Path LAUNCHER = Path.of("bin/test-provider");
  static final Duration START = Duration.ofSeconds(60);
  static final Duration REPLY = Duration.ofSeconds(10);
  static final Duration EXIT = Duration.ofSeconds(30);

  /** The actor linked in the HostData of every test. */
  static final String ACTOR = ProviderHarness.newActor();

  @Test
  void connectsAnswersHealthAndEchoThenShutsDownWithExitCode0(NatsFixture nats, Lattice lattice)
      throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider = start(host, Map.of())) {
      awaitHealthy(host, provider);

      InvocationResponse echo =
          host.invoke(ACTOR, TestProvider.ECHO, bytes("hi"), REPLY).orElseThrow();
      assertThat(echo.isSuccess()).isTrue();
      assertThat(echo.msg()).isEqualTo(bytes("hi"));

      assertThat(host.shutdown(REPLY)).contains("shutting down");
      assertThat(provider.exitCode(EXIT)).isZero();
      assertThat(provider.stderrText()).contains("provider stopped reason=SHUTDOWN_REQUESTED");
    }
  }

  @Test
  void servesAnInMemoryKeyValueUnderTheKeyValueContract(NatsFixture nats, Lattice lattice)
      throws Exception {
    ProviderHarness host = host(nats, lattice, KeyValue.CONTRACT_ID);
    try (ProviderProcess provider =
        start(host, Map.of("TEST_PROVIDER_CONTRACT", KeyValue.CONTRACT_ID))) {
      awaitHealthy(host, provider);

      byte[] incr = KeyValueCodec.encodeIncrementRequest(new IncrementRequest("counter", 1));
      assertThat(BarePayload.decodeI32(call(host, KeyValue.INCREMENT, incr), "n")).isEqualTo(1);
      assertThat(BarePayload.decodeI32(call(host, KeyValue.INCREMENT, incr), "n")).isEqualTo(2);

      call(host, KeyValue.SET, KeyValueCodec.encodeSetRequest(new SetRequest("k", "v", 0)));
      assertThat(KeyValueCodec.decodeGetResponse(call(host, KeyValue.GET, key("k"))))
          .isEqualTo(new GetResponse("v", true));
      assertThat(BarePayload.decodeBool(call(host, KeyValue.CONTAINS, key("k")), "b")).isTrue();
      assertThat(BarePayload.decodeBool(call(host, KeyValue.DEL, key("k")), "b")).isTrue();
      assertThat(BarePayload.decodeBool(call(host, KeyValue.DEL, key("k")), "b")).isFalse();
      assertThat(KeyValueCodec.decodeGetResponse(call(host, KeyValue.GET, key("k"))))
          .isEqualTo(new GetResponse("", false));
      assertThat(
              host.invoke(
                  ACTOR,
                  KeyValue.INCREMENT,
                  KeyValueCodec.encodeIncrementRequest(new IncrementRequest("k2", 1)),
                  REPLY))
          .isPresent();
    }
  }

  @Test
  void unhealthyAndSlowHealthSwitches(NatsFixture nats, Lattice lattice) throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider =
        start(
            host,
            Map.of("TEST_PROVIDER_UNHEALTHY", "true", "TEST_PROVIDER_HEALTH_DELAY_MS", "3000"))) {
      awaitEchoes(host, provider);

      assertThat(host.health(Duration.ofMillis(200))).isEmpty(); // slower than the check
      assertThat(host.health(REPLY))
          .contains(
              new HealthCheckResponse(false, "unhealthy on purpose (TEST_PROVIDER_UNHEALTHY)"));
    }
  }

  @Test
  void hangNeverAnswersInvocationsButStillShutsDown(NatsFixture nats, Lattice lattice)
      throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider = start(host, Map.of("TEST_PROVIDER_HANG", "1"))) {
      awaitHealthy(host, provider);

      assertThat(host.invoke(ACTOR, TestProvider.ECHO, bytes("hi"), Duration.ofMillis(500)))
          .isEmpty();

      assertThat(host.shutdown(REPLY)).contains("shutting down");
      assertThat(provider.exitCode(EXIT)).isZero();
    }
  }

  @Test
  void hangOnShutdownLeavesTheProcessForTheHostToKill(NatsFixture nats, Lattice lattice)
      throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider = start(host, Map.of("TEST_PROVIDER_HANG_ON_SHUTDOWN", "true"))) {
      awaitHealthy(host, provider);

      assertThat(host.shutdown(Duration.ofSeconds(2))).isEmpty();
      assertThat(provider.isAlive()).isTrue();
    }
  }

  @Test
  void crashOnStartExitsWith3BeforeConnecting(NatsFixture nats, Lattice lattice) throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider = start(host, Map.of("TEST_PROVIDER_CRASH_ON_START", "true"))) {
      assertThat(provider.exitCode(EXIT)).isEqualTo(3);
      assertThat(provider.stderrText())
          .contains("crashing on purpose (TEST_PROVIDER_CRASH_ON_START), exit 3")
          .doesNotContain("provider started");
    }
  }

  @Test
  void crashLaterExitsAfterConnecting(NatsFixture nats, Lattice lattice) throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider =
        start(
            host, Map.of("TEST_PROVIDER_CRASH_AFTER_MS", "1000", "TEST_PROVIDER_EXIT_CODE", "7"))) {
      assertThat(provider.exitCode(EXIT)).isEqualTo(7);
      assertThat(provider.stderrText())
          .contains("provider started")
          .contains("crashing on purpose (TEST_PROVIDER_CRASH_AFTER_MS), exit 7");
    }
  }

  @Test
  void exitsWhenStdinCloses(NatsFixture nats, Lattice lattice) throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    try (ProviderProcess provider = start(host, Map.of())) {
      awaitHealthy(host, provider);

      provider.closeStdin();

      assertThat(provider.exitCode(EXIT)).isZero();
      assertThat(provider.stderrText()).contains("provider stopped reason=HOST_GONE");
    }
  }

  @Test
  void logsJsonLinesWhenHostDataAsksForStructuredLogging(NatsFixture nats, Lattice lattice)
      throws Exception {
    ProviderHarness host = host(nats, lattice, TestSwitches.DEFAULT_CONTRACT);
    String line =
        HostDataCodec.toStdinLine(
            host.hostData(host.link(ACTOR, Map.of()))
                .withStructuredLogging(true)
                .withLogLevel("debug")
                .build());
    try (ProviderProcess provider = ProviderProcess.start(LAUNCHER, Map.of()).write(line)) {
      awaitHealthy(host, provider);

      assertThat(provider.stderr())
          .filteredOn(l -> l.contains("provider started"))
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .startsWith("{")
                      .contains("\"level\":\"INFO\"")
                      .contains(
                          "\"formattedMessage\":\"provider started provider="
                              + host.providerKey()));
      assertThat(provider.stderr())
          .anyMatch(l -> l.contains("\"level\":\"DEBUG\"") && l.contains("provider connecting"));
    }
  }

  @Test
  void badHostDataExitsWith2AndSaysWhy() throws Exception {
    try (ProviderProcess provider =
        ProviderProcess.start(LAUNCHER, Map.of()).write("bm90IGpzb24=\n")) {
      assertThat(provider.exitCode(EXIT)).isEqualTo(2);
      assertThat(provider.stderrText())
          .contains("failed to read HostData: failed to decode HostData: not valid JSON");
    }
  }

  @Test
  void noHostDataWithinTheTimeoutExitsWith2() throws Exception {
    try (ProviderProcess provider =
        ProviderProcess.start(LAUNCHER, Map.of("TRELLIS_HOSTDATA_TIMEOUT_MS", "300"))) {
      assertThat(provider.exitCode(EXIT)).isEqualTo(2);
      assertThat(provider.stderrText())
          .contains("failed to read HostData: no line on stdin within 300 ms")
          .contains("it is started by a Trellis host, which writes its configuration");
    }
  }

  static ProviderHarness host(NatsFixture nats, Lattice lattice, String contract) {
    return new ProviderHarness(nats, lattice, contract);
  }

  static ProviderProcess start(ProviderHarness host, Map<String, String> env) throws Exception {
    return ProviderProcess.start(LAUNCHER, env).write(host.stdinLine(host.link(ACTOR, Map.of())));
  }

  static void awaitHealthy(ProviderHarness host, ProviderProcess provider) {
    await()
        .atMost(START)
        .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
        .until(() -> host.health(Duration.ofSeconds(1)).isPresent());
  }

  static void awaitEchoes(ProviderHarness host, ProviderProcess provider) {
    await()
        .atMost(START)
        .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
        .until(
            () ->
                host.invoke(ACTOR, TestProvider.ECHO, new byte[0], Duration.ofSeconds(1))
                    .isPresent());
  }

  private static byte[] call(ProviderHarness host, String operation, byte[] payload)
      throws Exception {
    InvocationResponse response = host.invoke(ACTOR, operation, payload, REPLY).orElseThrow();
    assertThat(response.error()).as(operation).isNull();
    return response.msg();
  }

  private static byte[] key(String key) {
    return BarePayload.encodeString(key);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
