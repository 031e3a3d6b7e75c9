package dev.trellis.providers.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Run by hand from a terminal, the provider says what it is and exits with 2. The terminal is a
 * pseudo-terminal made by util-linux {@code script}; the test is skipped where it is missing.
 */
class TerminalIT {
  @Test
  void runByHandInATerminalPrintsAHumanMessage() throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "util-linux script is not installed");
    Process process =
        new ProcessBuilder(
                script.toString(),
                "-qec",
                LaunchedProviderIT.LAUNCHER.toAbsolutePath().toString(),
                "/dev/null")
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output)
        .contains("this is a Trellis capability provider; it is started by a Trellis host");
  }
}
