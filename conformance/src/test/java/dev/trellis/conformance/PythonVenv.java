package dev.trellis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python SDK's virtual environment ({@code provider-sdk-python/.venv}), which the Python
 * providers' launchers run with. When it is missing, it is made the way {@code
 * provider-sdk-python/test.sh} makes it: {@code python3 -m venv}, then {@code pip install -e} of
 * the SDK and the Python providers (from the package index). Python 3.11+ comes from {@code
 * $PYTHON}, else {@code python3}.
 */
final class PythonVenv {
  private static final long INSTALL_MINUTES = 10;

  private PythonVenv() {}

  /** The venv's interpreter, after making the venv if needed. */
  static synchronized Path ensure() throws IOException, InterruptedException {
    Path sdk = RepoRoot.resolve("provider-sdk-python");
    Path python = sdk.resolve(".venv/bin/python");
    if (Files.isExecutable(python) && imports(python)) {
      return python;
    }
    String base = System.getenv().getOrDefault("PYTHON", "python3");
    if (!Files.isExecutable(python)) {
      run(List.of(base, "-m", "venv", sdk.resolve(".venv").toString()), "create the venv");
    }
    run(
        List.of(
            python.toString(),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            sdk.toString(),
            "-e",
            RepoRoot.resolve("providers/keyvalue-sqlite-py").toString()),
        "install the Python SDK and providers into the venv");
    if (!imports(python)) {
      throw new IllegalStateException(
          "failed to prepare " + python + ": the SDK still does not import after pip install");
    }
    return python;
  }

  private static boolean imports(Path python) throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(
                python.toString(), "-c", "import trellis_provider, trellis_keyvalue_sqlite")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
  }

  private static void run(List<String> command, String what)
      throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "failed to "
              + what
              + ": cannot run "
              + command.get(0)
              + " ("
              + e.getMessage()
              + "); install Python 3.11+ (apt-get install -y python3 python3-venv) or set PYTHON",
          e);
    }
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "failed to "
              + what
              + ": "
              + String.join(" ", command)
              + " failed:\n"
              + new String(output, StandardCharsets.UTF_8)
              + "\n(provider-sdk-python/test.sh makes the same venv; it needs Python 3.11+ with"
              + " venv and the package index)");
    }
  }
}
