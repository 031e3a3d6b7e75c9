package dev.trellis.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.cli.CliEnvironment;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.Output;
import dev.trellis.cli.output.OutputFormat;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpOptionsTest {
  @TempDir Path tmp;

  private HostSettings resolve(Map<String, String> env, String... args) {
    UpCommand command = new UpCommand();
    new CommandLine(command).parseArgs(args);
    CliEnvironment environment =
        CliEnvironment.capture(
            env,
            tmp,
            new ByteArrayInputStream(new byte[0]),
            new StringWriter(),
            new StringWriter(),
            Clock.systemUTC());
    Output output =
        new Output(
            OutputFormat.TEXT,
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            false,
            false);
    return command.options.resolve(new CommandContext(environment, output));
  }

  @Test
  void defaultsAreWashs() {
    HostSettings s = resolve(Map.of());

    assertThat(s.natsAddress()).isEqualTo("127.0.0.1:4222");
    assertThat(s.latticePrefix()).isEqualTo("default");
    assertThat(s.ctl().port()).isEqualTo(4222);
    assertThat(s.rpc().host()).isEqualTo("127.0.0.1");
    assertThat(s.provRpc().port()).isEqualTo(4222);
    assertThat(s.rpcTimeout().toMillis()).isEqualTo(2000);
    assertThat(s.clusterSeedGenerated()).isTrue();
    assertThat(s.hostKey().type()).isEqualTo(KeyType.SERVER);
    assertThat(s.ctlTopicPrefix()).isEqualTo("wasmbus.ctl");
    assertThat(s.labels()).isEmpty();
    assertThat(s.logLevel()).isEqualTo("info");
  }

  @Test
  void flagBeatsVariableBeatsDefault() {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    Map<String, String> env =
        Map.of(
            "WASMCLOUD_LATTICE_PREFIX", "fromenv",
            "WASMCLOUD_RPC_PORT", "5000",
            "WASMCLOUD_CLUSTER_SEED", cluster.seed().reveal(),
            "WASMCLOUD_CTL_TLS", "yes",
            "NATS_PORT", "4333");

    HostSettings s = resolve(env, "-x", "fromflag", "--ctl-host", "10.0.0.1");

    assertThat(s.latticePrefix()).isEqualTo("fromflag");
    assertThat(s.natsPort()).isEqualTo(4333);
    assertThat(s.ctl().host()).isEqualTo("10.0.0.1");
    assertThat(s.ctl().port()).isEqualTo(4333);
    assertThat(s.ctl().tls()).isTrue();
    assertThat(s.rpc().port()).isEqualTo(5000);
    assertThat(s.provRpc().port()).as("provider RPC follows the RPC connection").isEqualTo(5000);
    assertThat(s.clusterKey().publicKey()).isEqualTo(cluster.publicKey());
    assertThat(s.clusterSeedGenerated()).isFalse();
  }

  @Test
  void hostVariablesBecomeLabelsExceptHostConfig() {
    HostSettings s =
        resolve(
            Map.of("HOST_ZONE", "east", "HOST_CONFIG", "/x/host_config.json", "HOSTNAME", "h"),
            "-l",
            "tier=gold");

    assertThat(s.labels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("zone", "east", "tier", "gold"));
  }

  @Test
  void credsFilesAreSplitIntoJwtAndSeed() throws Exception {
    Path creds = tmp.resolve("user.creds");
    Files.writeString(
        creds,
        "-----BEGIN NATS USER JWT-----\neyJhbGc.payload.sig\n------END NATS USER JWT------\n\n"
            + "************************* IMPORTANT *************************\n\n"
            + "-----BEGIN USER NKEY SEED-----\nSUAEXAMPLESEED\n------END USER NKEY SEED------\n");

    HostSettings s = resolve(Map.of(), "--rpc-credsfile", creds.toString());

    assertThat(s.rpc().jwt()).isEqualTo("eyJhbGc.payload.sig");
    assertThat(s.rpc().seed().reveal()).isEqualTo("SUAEXAMPLESEED");
    assertThat(s.provRpc().jwt()).isEqualTo("eyJhbGc.payload.sig");
    assertThat(s.ctl().jwt()).isEmpty();
  }

  @Test
  void badValuesFailWithTheirName() {
    String server = KeyPair.generate(KeyType.SERVER).seed().reveal();

    assertThatThrownBy(() -> resolve(Map.of("WASMCLOUD_CLUSTER_SEED", server)))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("the cluster seed is a server seed")
        .hasMessageNotContaining(server);
    assertThatThrownBy(() -> resolve(Map.of(), "--nats-port", "70000"))
        .hasMessageContaining("--nats-port must be 1–65535");
    assertThatThrownBy(() -> resolve(Map.of("WASMCLOUD_RPC_TIMEOUT_MS", "soon")))
        .hasMessageContaining(
            "WASMCLOUD_RPC_TIMEOUT_MS (--rpc-timeout-ms): 'soon' is not a number");
    assertThatThrownBy(() -> resolve(Map.of(), "-x", "a.b"))
        .hasMessageContaining("failed to start the host");
  }
}
