package dev.trellis.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The provider contract against a provider built with the Go SDK (providers/blobstore-fs-go). */
class GoProviderContractIT extends ProviderContractConformance {
  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path bin = Files.createDirectories(workDir.resolve("bin"));
    Path executable = GoBuild.build("providers/blobstore-fs-go", "blobstore-fs", bin);
    return ProviderProcess.start(
        "blobstore-fs-go (Go SDK)",
        List.of(executable.toString()),
        workDir,
        Map.of(),
        hostDataLine);
  }

  @Override
  protected String contractId() {
    return "wasmcloud:blobstore";
  }

  @Override
  protected Map<String, String> linkValues(String actor, Path workDir) {
    return Map.of("ROOT", workDir.resolve("roots").resolve(actor).toString());
  }
}
