package dev.trellis.cli.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.cli.CliEnvironment;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.output.Output;
import dev.trellis.cli.output.OutputFormat;
import dev.trellis.interfaces.Secret;
import dev.trellis.nats.NatsConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class CtlOptionsTest {
  @TempDir Path tmp;
  final Map<String, String> env = new HashMap<>();

  @Command(name = "probe")
  static final class Probe {
    @Mixin CtlOptions ctl;
  }

  @Test
  void defaultsWithoutAnyContext() {
    CtlConnection c = resolve();

    assertThat(c.address()).isEqualTo("127.0.0.1:4222");
    assertThat(c.latticePrefix()).isEqualTo("default");
    assertThat(c.timeout()).isEqualTo(Duration.ofMillis(2000));
    assertThat(c.topicPrefix()).isEqualTo("wasmbus.ctl");
    assertThat(c.toNatsConfig().urls()).containsExactly("nats://127.0.0.1:4222");
  }

  @Test
  void flagBeatsVariableBeatsContext() throws Exception {
    ContextStore store = store();
    store.save(
        new Context(
            "prod",
            Secret.empty(),
            "ctx-host",
            1111,
            null,
            Secret.empty(),
            null,
            3000,
            "ctxlattice",
            "ctxdomain",
            "r",
            4222,
            null,
            Secret.empty(),
            null,
            2000));
    store.setDefault("prod");
    env.put("WASMCLOUD_CTL_PORT", "2222");
    env.put("WASMCLOUD_LATTICE_PREFIX", "envlattice");
    env.put("WASMCLOUD_CTL_TOPIC_PREFIX", "custom.ctl");

    CtlConnection c = resolve("-x", "flaglattice");

    assertThat(c.host()).isEqualTo("ctx-host");
    assertThat(c.port()).isEqualTo(2222);
    assertThat(c.latticePrefix()).isEqualTo("flaglattice");
    assertThat(c.timeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(c.jsDomain()).isEqualTo("ctxdomain");
    assertThat(c.topicPrefix()).isEqualTo("custom.ctl");
    assertThat(c.context().name()).isEqualTo("prod");
  }

  @Test
  void contextByNameOrFile() throws Exception {
    ContextStore store = store();
    store.save(Context.defaults("other").withName("other"));
    Path file = tmp.resolve("team.json");
    Files.writeString(file, "{\"lattice_prefix\":\"team\",\"ctl_seed\":\"SUxx\"}");

    assertThat(resolve("--context", "other").context().name()).isEqualTo("other");
    CtlConnection fromFile = resolve("--context", file.toString());
    assertThat(fromFile.latticePrefix()).isEqualTo("team");
    assertThat(fromFile.seed().reveal()).isEqualTo("SUxx");
    assertThatThrownBy(() -> resolve("--context", "missing"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("failed to load context 'missing'");
  }

  @Test
  void hostConfigIsUsedWhenNoDefaultIsSet() throws Exception {
    Files.createDirectories(tmp.resolve("home"));
    Files.writeString(tmp.resolve("home/host_config.json"), "{\"lattice_prefix\":\"fromhost\"}");

    CtlConnection c = resolve();

    assertThat(c.latticePrefix()).isEqualTo("fromhost");
    assertThat(c.context().name()).isEqualTo("host_config");
    assertThat(store().defaultName()).contains("host_config");
  }

  @Test
  void badValuesAreExplained() {
    assertThatThrownBy(() -> resolve("-x", "a.b"))
        .hasMessageStartingWith("failed to resolve the lattice prefix:");
    env.put("WASMCLOUD_CTL_TIMEOUT_MS", "soon");
    assertThatThrownBy(this::resolve)
        .hasMessage(
            "failed to read WASMCLOUD_CTL_TIMEOUT_MS (-t/--timeout-ms): 'soon' is not a number");
  }

  @Test
  void authenticationFollowsControlplane54() {
    NatsConfig jwt = resolve("--ctl-jwt", "eyJ.jwt", "--ctl-seed", "SUABC").toNatsConfig();
    NatsConfig creds = resolve("--ctl-credsfile", "x.creds").toNatsConfig();

    assertThat(jwt.userJwt()).isEqualTo("eyJ.jwt");
    assertThat(jwt.seed()).isEqualTo("SUABC");
    assertThat(creds.credsFile()).isEqualTo(tmp.resolve("work/x.creds"));
  }

  private ContextStore store() {
    return new ContextStore(tmp.resolve("home/contexts"), tmp.resolve("home/host_config.json"));
  }

  private CtlConnection resolve(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    Map<String, String> variables = new HashMap<>(env);
    variables.put("TRELLIS_HOME", tmp.resolve("home").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        CliEnvironment.capture(
            variables,
            tmp.resolve("work"),
            new ByteArrayInputStream(new byte[0]),
            out,
            err,
            Clock.systemUTC());
    Output output =
        new Output(OutputFormat.TEXT, new PrintWriter(out), new PrintWriter(err), false, false);
    return probe.ctl.resolve(new CommandContext(environment, output));
  }
}
