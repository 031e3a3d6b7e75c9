package dev.trellis.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The provider contract against a provider built with the Python SDK
 * (providers/keyvalue-sqlite-py), in the SDK's venv (made when missing).
 */
class PythonProviderContractIT extends ProviderContractConformance {
  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path python = PythonVenv.ensure();
    Path data = Files.createDirectories(workDir.resolve("sqlite"));
    Path launcher = RepoRoot.resolve("providers/keyvalue-sqlite-py/keyvalue-sqlite");
    return ProviderProcess.start(
        "keyvalue-sqlite-py (Python SDK)",
        List.of(launcher.toString()),
        workDir,
        Map.of("TRELLIS_KEYVALUE_SQLITE_DIR", data.toString(), "TRELLIS_PYTHON", python.toString()),
        hostDataLine);
  }

  @Override
  protected String contractId() {
    return "wasmcloud:keyvalue";
  }
}
