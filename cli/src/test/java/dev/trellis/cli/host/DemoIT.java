package dev.trellis.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./trellis demo} as the README tells a user to run it: a child process in its own process
 * group; repeated requests count up; Ctrl-C (SIGINT to the group, as a terminal sends it) stops
 * everything and leaves no process behind.
 */
class DemoIT {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  @TempDir Path tmp;
  private Process demo;
  private List<ProcessHandle> tree = List.of();

  @AfterEach
  void killLeftovers() {
    tree.forEach(ProcessHandle::destroyForcibly);
    if (demo != null) {
      demo.destroyForcibly();
    }
  }

  @Test
  void countsUpAndCtrlCStopsEveryProcess() throws Exception {
    int httpPort = freePort();
    int natsPort = freePort();
    Path out = tmp.resolve("demo.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                SETSID.toString(),
                Repo.root().resolve("trellis").toString(),
                "demo",
                "--http-port",
                Integer.toString(httpPort),
                "--nats-port",
                Integer.toString(natsPort))
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().put("TRELLIS_HOME", tmp.resolve("home").toString());
    builder.environment().put("TRELLIS_NO_BUILD", "1");
    demo = builder.start();
    String url = "http://127.0.0.1:" + httpPort + "/";

    await()
        .atMost(Duration.ofSeconds(100))
        .until(() -> Files.readString(out).contains("curl " + url) || !demo.isAlive());
    assertThat(demo.isAlive()).as(Files.readString(out)).isTrue();
    tree = demo.descendants().toList();
    String first = get(url);
    String second = get(url);
    String other = get(url + "other");

    assertThat(first).isEqualTo("{\"counter\":1}");
    assertThat(second).isEqualTo("{\"counter\":2}");
    assertThat(other).isEqualTo("{\"counter\":1}");
    assertThat(Files.readString(out))
        .contains("The Trellis demo is running.")
        .contains("nats://127.0.0.1:" + natsPort + " (embedded)")
        .contains("KV Counter (Rust)");
    assertThat(tree.stream().map(p -> p.info().command().orElse("")))
        .anyMatch(c -> c.endsWith("nats-server"));
    assertThat(tmp.resolve("home/host_config.json")).exists();

    interruptGroup(demo.pid());

    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(Files.readString(out)).contains("stopping the demo");
    assertThat(tmp.resolve("home/host_config.json"))
        .as("the host_config.json the demo wrote is taken back")
        .doesNotExist();
  }

  @Test
  void aMissingArchiveIsNamedWithHowToBuildIt() {
    CliRun.Result r = CliRun.in(tmp).run("demo", "--keyvalue", "nowhere/kv.par.gz");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("failed to start the demo: ").contains("kv.par.gz is missing");
  }

  /**
   * Ctrl-C: SIGINT to the process group. A JVM started by a shell that ignores SIGINT (a background
   * job) inherits that, so then SIGTERM, which takes the same shutdown path.
   */
  private static void interruptGroup(long pid) throws IOException, InterruptedException {
    String signal = ignoresSigint(pid) ? "-TERM" : "-INT";
    Process kill = new ProcessBuilder("kill", signal, "--", "-" + pid).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  private static boolean ignoresSigint(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private static String get(String url) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
