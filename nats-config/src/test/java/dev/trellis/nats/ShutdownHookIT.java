package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownHookIT {

  @Test
  void aJvmThatExitsWithoutClosingTheServerStillStopsIt() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerLeftRunning.class.getName())
            .redirectErrorStream(true)
            .start();
    Map<String, String> printed = new HashMap<>();
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        all.append(line).append('\n');
        int eq = line.indexOf('=');
        if (eq > 0) {
          printed.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
    assertThat(child.exitValue()).as(all.toString()).isZero();
    assertThat(printed).as(all.toString()).containsKeys("pid", "store");

    long serverPid = Long.parseLong(printed.get("pid"));
    assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive))
        .as("nats-server pid %d after its JVM exited", serverPid)
        .isNotEqualTo(Optional.of(true));
    assertThat(Path.of(printed.get("store"))).doesNotExist();
  }
}
