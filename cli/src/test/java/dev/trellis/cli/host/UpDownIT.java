package dev.trellis.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.ChildRun;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trellis up} and {@code down}: detached as real child processes through {@code ./trellis}
 * (and every process gone afterwards), in the foreground in-process, and joining a running server.
 */
@WithNats
class UpDownIT {
  private static final String ECHO = "MBEG4YU6K27CJE2E5FVR77L6JWF6IIF5OOKDUFOYMDTMNS74JHAQFU6O";

  @TempDir Path tmp;
  private final List<Long> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    // only if a test failed half-way: nothing may outlive the test
    for (long pid : started) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
              });
    }
  }

  @Test
  void detachedUpThenZeroConfigCommandsThenDownLeavesNoProcess() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path home = tmp.resolve("home");
    ChildRun trellis = new ChildRun(work, home);
    int port = freePort();

    ChildRun.Result up =
        trellis.run("up", "-d", "--nats-port", Integer.toString(port), "-o", "json");
    assertThat(up.code()).as(up.toString()).isZero();
    JsonNode info = up.json();
    long hostPid = info.get("host_pid").asLong();
    long natsPid = info.get("nats_pid").asLong();
    started.add(hostPid);
    started.add(natsPid);
    assertThat(info.get("nats_url").asText()).isEqualTo("nats://127.0.0.1:" + port);
    assertThat(info.get("wasmcloud_url").asText()).isEqualTo("nats://127.0.0.1:" + port);
    assertThat(info.get("kill_cmd").asText()).isEqualTo("trellis down");
    assertThat(Path.of(info.get("wasmcloud_log").asText())).exists();
    assertThat(ProcessHandle.of(hostPid).map(ProcessHandle::isAlive)).contains(true);
    assertThat(ProcessHandle.of(natsPid).map(ProcessHandle::isAlive)).contains(true);
    assertThat(home.resolve("downloads/host.pid")).exists();
    assertThat(home.resolve("host_config.json")).exists();

    ChildRun.Result again = trellis.run("up", "-d", "--nats-port", Integer.toString(port));
    ChildRun.Result hosts = trellis.run("get", "hosts", "-t", "500", "-o", "json");
    ChildRun.Result actor = trellis.run("start", "actor", Repo.corpus("echo-rust.wasm").toString());
    ChildRun.Result call =
        trellis.run("call", ECHO, "HttpServer.HandleRequest", "{\"path\":\"/zero-config\"}");

    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("is already running (pid " + hostPid + ")");
    assertThat(hosts.code()).as(hosts.toString()).isZero();
    assertThat(hosts.json().get("hosts").get(0).get("id").asText())
        .isEqualTo(info.get("host_id").asText());
    assertThat(actor.code()).as(actor.toString()).isZero();
    assertThat(call.code()).as(call.toString()).isZero();
    assertThat(call.out()).startsWith("HTTP 200").contains("/zero-config");

    ChildRun.Result down = trellis.run("down", "-o", "json");
    ChildRun.Result nothing = trellis.run("down");

    assertThat(down.code()).as(down.toString()).isZero();
    assertThat(down.json().get("host_pid").asLong()).isEqualTo(hostPid);
    assertThat(down.json().get("nats_pid").asLong()).isEqualTo(natsPid);
    assertThat(ProcessHandle.of(hostPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(ProcessHandle.of(natsPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(home.resolve("downloads/host.pid")).doesNotExist();
    assertThat(home.resolve("downloads/nats.pid")).doesNotExist();
    assertThat(nothing.out()).startsWith("Nothing to stop");
    assertThat(Files.readString(home.resolve("downloads/trellis-host.log")))
        .contains("host stopped host=" + info.get("host_id").asText());
  }

  @Test
  void foregroundUpWritesHostConfigAndStopsWithItsHost() throws Exception {
    CliRun cli = CliRun.in(tmp);
    int port = freePort();

    CompletableFuture<CliRun.Result> up =
        CompletableFuture.supplyAsync(
            () -> cli.run("up", "--nats-port", Integer.toString(port), "-x", "fg"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(cli.home().resolve("host_config.json")) || up.isDone());
    CliRun.Result hosts = cli.run("get", "hosts", "-t", "500", "-o", "json");
    String hostId = hosts.json().get("hosts").get(0).get("id").asText();
    CliRun.Result stop = cli.run("stop", "host", hostId);
    CliRun.Result result = up.get(60, TimeUnit.SECONDS);

    assertThat(hosts.json().get("hosts").get(0).get("lattice_prefix").asText()).isEqualTo("fg");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Host " + hostId)
        .contains("is up in lattice 'fg'")
        .contains("NATS         nats://127.0.0.1:" + port + " (started here, pid ")
        .contains("host config  " + cli.home().resolve("host_config.json"))
        .endsWith("Host " + hostId + " stopped\n");
    assertThat(LocalNats.answers("127.0.0.1", port)).isFalse();
  }

  @Test
  void upJoinsARunningServerWithLabels(NatsFixture nats, Lattice lattice) throws Exception {
    CliRun cli =
        CliRun.in(tmp).env("HOST_TIER", "gold").env("WASMCLOUD_LATTICE_PREFIX", lattice.prefix());
    String port = Integer.toString(nats.port());

    CompletableFuture<CliRun.Result> up =
        CompletableFuture.supplyAsync(
            () -> cli.run("up", "--nats-connect-only", "--nats-port", port, "-l", "zone=west"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(cli.home().resolve("host_config.json")) || up.isDone());
    JsonNode host = cli.run("get", "hosts", "-t", "500", "-o", "json").json().get("hosts").get(0);
    cli.run("stop", "host", host.get("id").asText());
    CliRun.Result result = up.get(60, TimeUnit.SECONDS);

    assertThat(host.get("labels").get("tier").asText()).isEqualTo("gold");
    assertThat(host.get("labels").get("zone").asText()).isEqualTo("west");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("(already running)");
    assertThat(nats.server().isRunning()).isTrue();
  }

  @Test
  void upWithoutAServerToJoinFailsClearly() throws Exception {
    int port = freePort();

    CliRun.Result r =
        CliRun.in(tmp).run("up", "--nats-connect-only", "--nats-port", Integer.toString(port));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "failed to connect to NATS at 127.0.0.1:"
                + port
                + ": no NATS server answered; start nats-server there (with -js), or drop"
                + " --nats-connect-only so that 'trellis up' starts one");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
