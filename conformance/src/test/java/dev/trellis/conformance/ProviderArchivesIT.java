package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.keyvalue.SetRequest;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signed provider archives of the Java keyvalue providers, used as a host uses them: claims
 * verified, the native target's hash checked, the executable extracted and started with HostData on
 * stdin under the archive's identity.
 */
@WithNats
class ProviderArchivesIT {

  @ParameterizedTest
  @ValueSource(strings = {"keyvalue-nats", "keyvalue-redis"})
  void theArchiveIsSignedByTheCommittedKeysAndItsExecutableRuns(
      String name, NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    Path module = RepoRoot.resolve("providers/" + name);
    ProviderArchive archive = ProviderArchive.read(module.resolve("target/" + name + ".par.gz"));

    archive.verify(Clock.systemUTC());
    assertThat(archive.metadata().capid()).isEqualTo(KeyValue.CONTRACT_ID);
    assertThat(archive.targets()).contains("x86_64-linux", "aarch64-linux");
    String service = Files.readString(module.resolve("keys/service.nk")).strip();
    String account = Files.readString(module.resolve("keys/account.nk")).strip();
    assertThat(archive.providerKey()).isEqualTo(KeyPair.fromSeed(service).publicKey());
    assertThat(archive.claims().issuer()).isEqualTo(KeyPair.fromSeed(account).publicKey());

    Path executable = dir.resolve(name);
    Files.write(executable, archive.nativeExecutable(Clock.systemUTC()));
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    LatticeHost host =
        new LatticeHost(
            nats.connect(),
            nats.url(),
            lattice.prefix(),
            archive.providerKey(),
            KeyValue.CONTRACT_ID);
    try (ProviderProcess provider =
        ProviderProcess.start(
            name, List.of(executable.toString()), dir, Map.of(), host.stdinLine(Map.of()))) {
      await()
          .atMost(KeyValueConformance.START)
          .failFast("the provider exited:\n" + provider.outputText(), () -> !provider.isAlive())
          .until(() -> host.health(Duration.ofSeconds(1)).isPresent());

      assertThat(host.shutdown(Duration.ofSeconds(10))).contains("shutting down");
      assertThat(provider.exitCode(Duration.ofSeconds(30))).isZero();
    }
  }

  @Test
  void theNatsProviderFromItsArchiveServesALinkedActor(
      NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    ProviderArchive archive =
        ProviderArchive.read(
            RepoRoot.resolve("providers/keyvalue-nats/target/keyvalue-nats.par.gz"));
    Path executable = dir.resolve("keyvalue-nats");
    Files.write(executable, archive.nativeExecutable(Clock.systemUTC()));
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    LatticeHost host =
        new LatticeHost(
            nats.connect(),
            nats.url(),
            lattice.prefix(),
            archive.providerKey(),
            KeyValue.CONTRACT_ID);
    String actor = LatticeHost.newActor();
    try (ProviderProcess provider =
        ProviderProcess.start(
            "keyvalue-nats",
            List.of(executable.toString()),
            dir,
            Map.of(),
            host.stdinLine(Map.of()))) {
      await()
          .atMost(KeyValueConformance.START)
          .failFast("the provider exited:\n" + provider.outputText(), () -> !provider.isAlive())
          .until(() -> host.health(Duration.ofSeconds(1)).isPresent());
      host.putLink(host.link(actor, Map.of()));
      KeyValueCalls kv = new KeyValueCalls(host, actor, "");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> kv.raw(KeyValue.CONTAINS, BarePayload.encodeString("probe")).error() == null);

      kv.ok(KeyValue.SET, KeyValueCodec.encodeSetRequest(new SetRequest("k", "from a PAR", 0)));

      assertThat(kv.get("k")).isEqualTo(new GetResponse("from a PAR", true));
    }
  }
}
