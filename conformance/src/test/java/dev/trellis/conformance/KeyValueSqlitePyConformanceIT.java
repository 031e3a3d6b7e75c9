package dev.trellis.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The keyvalue conformance suite against the Python provider {@code providers/keyvalue-sqlite-py},
 * started from its {@code keyvalue-sqlite} launcher as a child process (which runs in the Python
 * SDK's venv, made here when missing). Its databases live in the class's work directory ({@code
 * TRELLIS_KEYVALUE_SQLITE_DIR}).
 */
class KeyValueSqlitePyConformanceIT extends KeyValueConformance {

  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path python = PythonVenv.ensure();
    Path data = Files.createDirectories(workDir.resolve("sqlite"));
    Path launcher = RepoRoot.resolve("providers/keyvalue-sqlite-py/keyvalue-sqlite");
    return ProviderProcess.start(
        "keyvalue-sqlite-py",
        List.of(launcher.toString()),
        workDir,
        Map.of("TRELLIS_KEYVALUE_SQLITE_DIR", data.toString(), "TRELLIS_PYTHON", python.toString()),
        hostDataLine);
  }
}
