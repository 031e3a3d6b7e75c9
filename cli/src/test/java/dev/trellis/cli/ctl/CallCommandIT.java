package dev.trellis.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import dev.trellis.cli.TestHost;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.control.HostConfigFile;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.NatsEndpoint;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trellis call}: signed invocations to real actors, and its failures. */
@WithNats
class CallCommandIT {
  private static final String ECHO = CtlCommandsIT.ECHO;
  private static final String KVCOUNTER =
      "MBPL76BL6THTB3H356Z47VDCDHMNLCRVNFP6F3ZAYMF4X35QVMGYFQRA";

  @TempDir Path tmp;
  private TestHost host;
  private CliRun cli;
  private NatsFixture nats;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    this.nats = nats;
    host = TestHost.start(nats, lattice, tmp.resolve("cache"));
    cli = host.cli(tmp);
    assertThat(cli.run("start", "actor", Repo.corpus("echo-rust.wasm").toString()).exitCode())
        .isZero();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void httpRequestToEchoInTextAndJson() {
    String request =
        "{\"method\":\"POST\",\"path\":\"/a\",\"queryString\":\"x=1\",\"body\":\"hi\"}";

    CliRun.Result text = cli.run("call", ECHO, "HttpServer.HandleRequest", request);
    CliRun.Result json = cli.run("call", ECHO, "HttpServer.HandleRequest", request, "-o", "json");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .startsWith("HTTP 200\n\n")
        .contains("\"method\":\"POST\"")
        .contains("\"path\":\"/a\"")
        .contains("\"body\":[104,105]");
    JsonNode response = json.json().get("response");
    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(response.get("body").asText()).contains("\"query_string\":\"x=1\"");
    assertThat(json.json().get("actor_id").asText()).isEqualTo(ECHO);
    assertThat(json.json().get("operation").asText()).isEqualTo("HttpServer.HandleRequest");
  }

  @Test
  void callAliasResolvesThroughTheClaims() {
    cli.run("start", "actor", Repo.corpus("ponger-c.wasm").toString());

    CliRun.Result text = cli.run("call", "trellis/pong", "Pingpong.Ping");
    CliRun.Result json = cli.run("call", "trellis/pong", "Pingpong.Ping", "-o", "json");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out().strip()).isEqualTo("\"pong\"");
    assertThat(json.json().get("response").asText()).isEqualTo("pong");
  }

  @Test
  void countsThroughAKeyValueProvider() {
    String par =
        Repo.root().resolve("providers/test-provider/target/test-provider.par.gz").toString();
    assertThat(cli.run("start", "actor", Repo.corpus("kvcounter-rust.wasm").toString()).exitCode())
        .isZero();
    assertThat(
            cli.run("link", "put", KVCOUNTER, CtlCommandsIT.TEST_PROVIDER, "wasmcloud:keyvalue")
                .exitCode())
        .isZero();
    CliRun.Result provider = cli.run("start", "provider", par, "-o", "json");
    assertThat(provider.exitCode()).as(provider.toString()).isZero();
    assertThat(provider.json().get("provider_id").asText()).isEqualTo(CtlCommandsIT.TEST_PROVIDER);
    assertThat(provider.json().get("contract_id").asText()).isEqualTo("trellis:test");
    assertThat(provider.json().get("answering").asBoolean()).isTrue();

    // provider_started is published when the process is spawned; it serves once connected
    CliRun.Result first =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> cli.run("call", KVCOUNTER, "HttpServer.HandleRequest", "{\"path\":\"/\"}"),
                r -> r.out().startsWith("HTTP 200"));
    CliRun.Result second =
        cli.run("call", KVCOUNTER, "HttpServer.HandleRequest", "{\"path\":\"/\"}", "-o", "json");

    assertThat(first.out()).contains("{\"counter\":1}");
    assertThat(second.json().at("/response/body").asText()).isEqualTo("{\"counter\":2}");
  }

  @Test
  void readsThePayloadFromAFileAndTheSeedFromHostConfig() throws Exception {
    Files.writeString(cli.work().resolve("req.json"), "{\"path\":\"/file\"}");
    HostConfigFileCodec.write(
        cli.home().resolve("host_config.json"),
        HostConfigFile.builder()
            .withLatticePrefix(host.prefix())
            .withRpc(new NatsEndpoint("127.0.0.1", nats.port(), "", Secret.empty(), false))
            .withCtl(new NatsEndpoint("127.0.0.1", nats.port(), "", Secret.empty(), false))
            .withClusterSeed(Secret.of(host.cluster().seed().reveal()))
            .build());
    CliRun bare = CliRun.in(tmp);

    CliRun.Result r = bare.run("call", ECHO, "HttpServer.HandleRequest", "-d", "req.json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\"path\":\"/file\"");
  }

  @Test
  void failuresSayWhatIsWrong() {
    String unknown = KeyPair.generate(KeyType.MODULE).publicKey();
    String otherSeed = KeyPair.generate(KeyType.CLUSTER).seed().reveal();

    CliRun.Result notRunning = cli.run("call", unknown, "Op.Do");
    CliRun.Result wrongSeed =
        cli.run("call", ECHO, "HttpServer.HandleRequest", "{\"path\":\"/\"}", "-c", otherSeed);
    CliRun.Result badJson = cli.run("call", ECHO, "Op.Do", "{\"a\":");
    CliRun.Result noAlias = cli.run("call", "no/such", "Op.Do", "-o", "json");
    CliRun.Result noSeed = cli.env("WASMCLOUD_CLUSTER_SEED", null).run("call", ECHO, "Op.Do");

    assertThat(notRunning.exitCode()).isEqualTo(1);
    assertThat(notRunning.err())
        .contains("failed to call actor " + unknown + " Op.Do: no host runs this actor");
    assertThat(wrongSeed.exitCode()).isEqualTo(1);
    assertThat(wrongSeed.err())
        .contains(
            "Anti-forgery check failed: Issuer of this invocation is not among the list of valid"
                + " issuers")
        .doesNotContain(otherSeed);
    assertThat(badJson.exitCode()).isEqualTo(1);
    assertThat(badJson.err()).contains("failed to read the payload: not valid JSON");
    assertThat(noAlias.errorJson().get("error").asText())
        .contains("no actor in lattice '" + host.prefix() + "' has it as call alias");
    assertThat(noSeed.err()).contains("no cluster seed to sign the invocation");
  }

  @Test
  void natsUnreachableIsAClearMessage() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    CliRun.Result call = cli.run("call", ECHO, "Op.Do", "-p", Integer.toString(closed));
    CliRun.Result hosts = cli.run("get", "hosts", "-p", Integer.toString(closed), "-o", "json");

    assertThat(call.exitCode()).isEqualTo(1);
    assertThat(call.err().strip())
        .isEqualTo(
            "error: failed to connect to NATS at 127.0.0.1:"
                + closed
                + ": no NATS server answered; is it running? try 'trellis up'");
    assertThat(hosts.exitCode()).isEqualTo(1);
    assertThat(hosts.errorJson().get("error").asText())
        .startsWith("failed to connect to NATS at 127.0.0.1:" + closed + ": ");
  }
}
