package dev.trellis.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The provider contract against a provider built with the Java SDK (providers/test-provider). */
class JavaProviderContractIT extends ProviderContractConformance {
  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path launcher = RepoRoot.resolve("providers/test-provider/bin/test-provider");
    return ProviderProcess.start(
        "test-provider (Java SDK)", List.of(launcher.toString()), workDir, Map.of(), hostDataLine);
  }

  @Override
  protected String contractId() {
    return "trellis:test";
  }
}
