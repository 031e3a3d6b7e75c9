package dev.trellis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a Go provider from this checkout with the installed {@code go} ({@code $GO}, else PATH).
 */
final class GoBuild {
  private static final long BUILD_MINUTES = 10;

  private GoBuild() {}

  /**
   * Runs {@code go build -o out/name .} in {@code module} (a directory under the checkout root);
   * the executable.
   */
  static Path build(String module, String name, Path out) throws IOException, InterruptedException {
    String go = System.getenv().getOrDefault("GO", "go");
    Path executable = out.resolve(name);
    List<String> command =
        List.of(go, "build", "-buildvcs=false", "-o", executable.toString(), ".");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(RepoRoot.resolve(module).toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "failed to build "
              + module
              + ": cannot run '"
              + go
              + "' ("
              + e.getMessage()
              + "); install Go 1.25 or newer (https://go.dev/dl, or put go on PATH) or set GO to"
              + " its binary",
          e);
    }
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "failed to build "
              + module
              + ": "
              + String.join(" ", command)
              + " failed:\n"
              + new String(output, StandardCharsets.UTF_8));
    }
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          "failed to build " + module + ": go build made no executable " + executable);
    }
    return executable;
  }
}
