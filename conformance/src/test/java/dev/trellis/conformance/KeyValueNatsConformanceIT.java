package dev.trellis.conformance;

import dev.trellis.interfaces.par.ProviderArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The keyvalue conformance suite against {@code providers/keyvalue-nats}, started from its {@code
 * bin/keyvalue-nats} launcher as a child process, under the identity of its provider archive.
 */
class KeyValueNatsConformanceIT extends KeyValueConformance {
  static final String DIR = "providers/keyvalue-nats";

  @Override
  protected String providerKey() throws Exception {
    return ProviderArchive.read(RepoRoot.resolve(DIR + "/target/keyvalue-nats.par.gz"))
        .providerKey();
  }

  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    Path launcher = RepoRoot.resolve(DIR + "/bin/keyvalue-nats");
    return ProviderProcess.start(
        "keyvalue-nats", List.of(launcher.toString()), workDir, Map.of(), hostDataLine);
  }
}
