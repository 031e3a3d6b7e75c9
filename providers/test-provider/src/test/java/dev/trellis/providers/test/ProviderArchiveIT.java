package dev.trellis.providers.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.provider.testing.ArchivePacker;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
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
    ProviderArchive archive = ProviderArchive.read(ARCHIVE);
    archive.verify(Clock.systemUTC());
    String account =
        KeyPair.fromSeed(Files.readString(Path.of("keys/account.nk")).strip()).publicKey();
    String service =
        KeyPair.fromSeed(Files.readString(Path.of("keys/service.nk")).strip()).publicKey();
    assertThat(archive.claims().issuer()).isEqualTo(account);
    assertThat(archive.providerKey()).isEqualTo(service);
    assertThat(archive.metadata().capid()).isEqualTo(TestSwitches.DEFAULT_CONTRACT);
    assertThat(archive.targets()).containsExactlyInAnyOrderElementsOf(ArchivePacker.TARGETS);

    // What a host does: extract the native target somewhere of its own, make it executable, run it.
    Path executable = dir.resolve("trellis_test_default");
    Files.write(executable, archive.binary("x86_64-linux"));
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
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
