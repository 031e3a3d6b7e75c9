package dev.trellis.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The blobstore conformance suite against the Go provider {@code providers/blobstore-fs-go}, built
 * with {@code go build} into the class's work directory and started as a child process; each
 * actor's link value {@code ROOT} is a directory of its own.
 */
class BlobstoreFsGoConformanceIT extends BlobstoreConformance {

  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path bin = Files.createDirectories(workDir.resolve("bin"));
    Path executable = GoBuild.build("providers/blobstore-fs-go", "blobstore-fs", bin);
    return ProviderProcess.start(
        "blobstore-fs-go", List.of(executable.toString()), workDir, Map.of(), hostDataLine);
  }

  @Override
  protected Map<String, String> linkValues(String actor, Path workDir) {
    return Map.of("ROOT", workDir.resolve("roots").resolve(actor).toString());
  }
}
