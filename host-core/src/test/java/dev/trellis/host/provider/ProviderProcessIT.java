package dev.trellis.host.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spawns real child processes (POSIX sh) and checks stdin, output capture and tree kill. */
class ProviderProcessIT {

  @Test
  void writesTheStdinLineKeepsStdinOpenAndCapturesOutput() throws Exception {
    // Reads one line, echoes it on stdout and a note on stderr, then waits for stdin EOF.
    String script = "read line; echo \"got $line\"; echo note >&2; cat >/dev/null; echo eof";
    ProviderProcess p =
        ProviderProcess.start(
            List.of("sh", "-c", script),
            Map.of(),
            "aGVsbG8=\n".getBytes(StandardCharsets.UTF_8),
            "VTEST",
            null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> p.lastLines().contains("stdout: got aGVsbG8="));
    assertThat(p.lastLines()).contains("stderr: note");
    assertThat(p.alive()).as("stdin stays open, so the provider keeps running").isTrue();
    p.stop(Duration.ofSeconds(2));
    assertThat(p.alive()).isFalse();
  }

  @Test
  void stopEndsTheWholeProcessTree() throws Exception {
    // The provider starts a grandchild that would outlive it if only the child were killed.
    ProviderProcess p =
        ProviderProcess.start(
            List.of("sh", "-c", "sleep 300 & echo started; wait"),
            Map.of(),
            "\n".getBytes(StandardCharsets.UTF_8),
            "VTREE",
            null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(p.pid()).orElseThrow().descendants().count() == 1);
    ProcessHandle grandchild =
        ProcessHandle.of(p.pid()).orElseThrow().descendants().findFirst().orElseThrow();
    p.stop(Duration.ofSeconds(2));
    assertThat(p.alive()).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> !grandchild.isAlive());
  }

  @Test
  void anExecutableThatCannotRunIsAClearError() {
    assertThatThrownBy(
            () ->
                ProviderProcess.start(
                    List.of("/nonexistent/provider-binary"),
                    Map.of(),
                    new byte[0],
                    "VMISSING",
                    null))
        .isInstanceOf(ProviderStartException.class)
        .hasMessageContaining("failed to start provider VMISSING: cannot run");
  }

  @Test
  void exitCodesAreReported() throws Exception {
    ProviderProcess p =
        ProviderProcess.start(
            List.of("sh", "-c", "echo 'bad host data' >&2; exit 3"),
            Map.of(),
            new byte[0],
            "VEXIT",
            null);
    assertThat(p.exit().get()).isEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> p.lastLines().contains("stderr: bad host data"));
  }
}
