package dev.trellis.providers.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.provider.testing.PackedArchive;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's provider archive: signed with the committed keys, and its binary runs on its own. */
@WithNats
class ProviderArchiveIT {
  static final Path ARCHIVE = Path.of("target/test-provider.par.gz");

  @Test
  void archiveIsSignedWithTheTestKeysAndItsExecutableRunsFromAnywhere(
      NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    ProviderArchive archive =
        PackedArchive.read(ARCHIVE, Path.of("keys"), TestSwitches.DEFAULT_CONTRACT);
    String service = archive.providerKey();

    // What a host does: extract the native target somewhere of its own, make it executable, run it.
    Path executable = PackedArchive.extract(archive, dir.resolve("trellis_test_default"));
    ProviderHarness host =
        new ProviderHarness(nats, lattice, TestSwitches.DEFAULT_CONTRACT, service);
    String line = host.stdinLine(host.link(LaunchedProviderIT.ACTOR, Map.of()));
    try (ProviderProcess provider = ProviderProcess.start(executable, Map.of()).write(line)) {
      LaunchedProviderIT.awaitHealthy(host, provider);

      assertThat(host.shutdown(LaunchedProviderIT.REPLY)).contains("shutting down");
      assertThat(provider.exitCode(LaunchedProviderIT.EXIT)).isZero();
    }
  }
}
