package dev.trellis.cli.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.cli.CliRun;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  CliRun cli;
  Path contexts;

  @BeforeEach
  void setUp() {
    cli = CliRun.in(tmp);
    contexts = cli.home().resolve("contexts");
  }

  @Test
  void newWritesWashsFieldsWithDefaults() throws Exception {
    CliRun.Result r = cli.run("ctx", "new", "prod", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("result").asText())
        .startsWith("Created context prod with default values");
    JsonNode file = JSON.readTree(contexts.resolve("prod.json").toFile());
    assertThat(file.get("name").asText()).isEqualTo("prod");
    assertThat(file.get("ctl_host").asText()).isEqualTo("127.0.0.1");
    assertThat(file.get("ctl_port").asInt()).isEqualTo(4222);
    assertThat(file.get("ctl_timeout").asInt()).isEqualTo(2000);
    assertThat(file.get("lattice_prefix").asText()).isEqualTo("default");
    assertThat(file.get("rpc_timeout").asInt()).isEqualTo(2000);
    assertThat(file.has("cluster_seed")).isTrue();
    assertThat(file.get("cluster_seed").isNull()).isTrue();
  }

  @Test
  void newDoesNotOverwrite() {
    cli.run("ctx", "new", "prod");

    CliRun.Result r = cli.run("ctx", "new", "prod");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("failed to create context 'prod': it already exists");
  }

  @Test
  void newSanitizesTheName() {
    CliRun.Result r = cli.run("ctx", "new", "my prod/east", "-o", "json");

    assertThat(r.json().get("name").asText()).isEqualTo("my_prod_east");
    assertThat(contexts.resolve("my_prod_east.json")).exists();
    assertThat(cli.run("ctx", "new", "index").err()).contains("failed to name context 'index'");
  }

  @Test
  void newInteractiveReadsAnswersFromStdin() throws Exception {
    KeyPair cluster = KeyPair.generate(KeyType.CLUSTER);
    String answers =
        String.join(
            "\n",
            cluster.seed().reveal(), // cluster seed
            "nats.example", // ctl host
            "4333", // ctl port
            "", // ctl jwt
            "", // ctl seed
            "", // ctl creds
            "5000", // ctl timeout
            "blue", // lattice
            "hub"); // js domain; the rest take their defaults (end of input)

    CliRun.Result r = cli.stdin(answers).run("ctx", "new", "staging", "--interactive");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("What is the control interface connection host? [127.0.0.1]: ");
    Context staging = new ContextStore(contexts, tmp.resolve("none")).load("staging");
    assertThat(staging.clusterSeed().reveal()).isEqualTo(cluster.seed().reveal());
    assertThat(staging.ctlHost()).isEqualTo("nats.example");
    assertThat(staging.ctlPort()).isEqualTo(4333);
    assertThat(staging.ctlTimeoutMs()).isEqualTo(5000);
    assertThat(staging.latticePrefix()).isEqualTo("blue");
    assertThat(staging.jsDomain()).isEqualTo("hub");
    assertThat(staging.rpcHost()).isEqualTo("127.0.0.1");
    assertThat(Files.getPosixFilePermissions(contexts.resolve("staging.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void newInteractiveRefusesABadClusterSeed() {
    CliRun.Result r = cli.stdin("SAnotacluster\n").run("ctx", "new", "x", "-i");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("bad cluster seed");
  }

  @Test
  void listDefaultAndDel() throws Exception {
    cli.run("ctx", "new", "prod");
    cli.run("ctx", "new", "dev");

    JsonNode before = cli.run("ctx", "list", "-o", "json").json();
    CliRun.Result set = cli.run("ctx", "default", "prod");
    JsonNode index = JSON.readTree(contexts.resolve("index.json").toFile());
    JsonNode after = cli.run("ctx", "list", "-o", "json").json();
    String shown = cli.run("ctx", "default").out().strip();
    String listed = cli.run("ctx", "list").out();
    CliRun.Result del = cli.run("ctx", "del", "prod");

    assertThat(before.get("contexts").toString()).isEqualTo("[\"dev\",\"prod\"]");
    assertThat(before.get("default").asText()).isEqualTo("N/A");
    assertThat(set.exitCode()).isZero();
    assertThat(index.get("name").asText()).isEqualTo("prod");
    assertThat(after.get("default").asText()).isEqualTo("prod");
    assertThat(shown).isEqualTo("prod");
    assertThat(listed).contains("prod (default)");
    assertThat(del.exitCode()).isZero();
    assertThat(del.err()).contains("'prod' was the default context");
    assertThat(contexts.resolve("prod.json")).doesNotExist();
    assertThat(cli.run("ctx", "list", "-o", "json").json().get("default").asText())
        .isEqualTo("N/A");
  }

  @Test
  void unknownContextsAreErrors() {
    assertThat(cli.run("ctx", "default", "nope").err())
        .contains("failed to set the default context: no context named 'nope'");
    assertThat(cli.run("ctx", "del", "nope", "-o", "json").errorJson().get("error").asText())
        .contains("failed to delete context 'nope': it does not exist");
    assertThat(cli.run("ctx", "edit", "nope", "-e", "true").err())
        .contains("failed to edit context 'nope': it does not exist");
  }

  @Test
  void hostConfigBecomesTheDefaultContext() throws Exception {
    Files.writeString(
        cli.home().resolve("host_config.json"),
        "{\"lattice_prefix\":\"green\",\"ctl_host\":\"10.0.0.5\",\"ctl_port\":\"4223\","
            + "\"rpc_host\":\"10.0.0.6\",\"rpc_port\":4224,\"rpc_timeout_ms\":3000,"
            + "\"cluster_seed\":\""
            + KeyPair.generate(KeyType.CLUSTER).seed().reveal()
            + "\","
            + "\"cluster_issuers\":[\"C1\"],\"js_domain\":null}");

    JsonNode list = cli.run("ctx", "list", "-o", "json").json();

    assertThat(list.get("contexts").toString()).isEqualTo("[\"host_config\"]");
    assertThat(list.get("default").asText()).isEqualTo("host_config");
    Context hostConfig = new ContextStore(contexts, tmp.resolve("none")).load("host_config");
    assertThat(hostConfig.latticePrefix()).isEqualTo("green");
    assertThat(hostConfig.ctlHost()).isEqualTo("10.0.0.5");
    assertThat(hostConfig.ctlPort()).isEqualTo(4223);
    assertThat(hostConfig.rpcPort()).isEqualTo(4224);
    assertThat(hostConfig.rpcTimeoutMs()).isEqualTo(3000);
    assertThat(hostConfig.clusterSeed().isEmpty()).isFalse();
  }

  @Test
  void directoryComesFromTheFlagThenWashContexts() {
    Path elsewhere = tmp.resolve("elsewhere");
    cli.env("WASH_CONTEXTS", elsewhere.toString());

    cli.run("ctx", "new", "a");
    cli.run("ctx", "new", "b", "--directory", tmp.resolve("flag").toString());

    assertThat(elsewhere.resolve("a.json")).exists();
    assertThat(tmp.resolve("flag/b.json")).exists();
  }

  @Test
  void editRunsTheEditorAndChecksTheResult() throws Exception {
    cli.run("ctx", "new", "prod");
    Path editor = script("sed -i 's/\"default\"/\"edited\"/' \"$1\"");

    CliRun.Result r = cli.env("EDITOR", editor.toString()).run("ctx", "edit", "prod");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(new ContextStore(contexts, tmp.resolve("none")).load("prod").latticePrefix())
        .isEqualTo("edited");
  }

  @Test
  void editThatBreaksTheFileSaysSo() throws Exception {
    cli.run("ctx", "new", "prod");
    Path editor = script("echo '{ broken' > \"$1\"");

    CliRun.Result r = cli.run("ctx", "edit", "prod", "--editor", editor.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("the file is no longer a valid context")
        .contains("run 'trellis ctx edit prod' again");
  }

  @Test
  void editWithoutAnEditorOrWithAFailingOne() throws Exception {
    cli.run("ctx", "new", "prod");

    assertThat(cli.env("EDITOR", null).run("ctx", "edit", "prod").err())
        .contains("no editor; set EDITOR or pass -e");
    assertThat(cli.run("ctx", "edit", "prod", "-e", script("exit 3").toString()).err())
        .contains("the editor exited with code 3");
    assertThat(cli.run("ctx", "edit", "prod", "-e", tmp.resolve("no-such-editor").toString()).err())
        .contains("cannot run editor");
  }

  private Path script(String body) throws Exception {
    Path file = Files.createTempFile(tmp, "editor", ".sh");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    file.toFile().setExecutable(true);
    return file;
  }
}
