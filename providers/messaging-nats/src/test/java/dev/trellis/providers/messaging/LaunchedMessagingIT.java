package dev.trellis.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.interfaces.contract.messaging.Messaging;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.messaging.SubMessage;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.interfaces.wire.InvocationResponse;
import dev.trellis.provider.testing.PackedArchive;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.ProviderProcess;
import dev.trellis.provider.testing.StandInActor;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider as a host runs it: the signed archive's executable as a child process. */
@WithNats
class LaunchedMessagingIT {
  static final Path ARCHIVE = Path.of("target/messaging-nats.par.gz");
  static final Duration START = Duration.ofSeconds(60);
  static final Duration EXIT = Duration.ofSeconds(30);

  @Test
  void theArchiveIsSignedAndItsExecutableDeliversMessagesToTheActor(
      NatsFixture nats, Lattice lattice, @TempDir Path dir) throws Exception {
    ProviderArchive archive = PackedArchive.read(ARCHIVE, Path.of("keys"), Messaging.CONTRACT_ID);
    String service = archive.providerKey();
    Path executable = PackedArchive.extract(archive, dir.resolve("messaging-nats"));

    String actor = KeyPair.generate(KeyType.MODULE).publicKey();
    try (ProviderHarness h = new ProviderHarness(nats, lattice, Messaging.CONTRACT_ID, service)) {
      StandInActor standIn =
          h.actor(actor, inv -> InvocationResponse.success(inv.id(), new byte[0]));
      String subject = h.lattice() + ".in";
      try (ProviderProcess provider =
          ProviderProcess.start(executable, Map.of())
              .write(h.stdinLine(h.link(actor, Map.of("SUBSCRIPTION", subject))))) {
        await()
            .atMost(START)
            .failFast("the provider exited: " + provider.stderrText(), () -> !provider.isAlive())
            .until(
                () -> {
                  h.nc().publish(subject, "hello".getBytes(StandardCharsets.UTF_8));
                  return !standIn.received().isEmpty();
                });

        SubMessage message = MessagingCodec.decodeSubMessage(standIn.received().get(0).msg());
        assertThat(message.subject()).isEqualTo(subject);
        assertThat(message.body()).asString().isEqualTo("hello");
        assertThat(standIn.verdicts().get(0).isAccepted()).isTrue();
        assertThat(h.shutdown()).contains("shutting down");
        assertThat(provider.exitCode(EXIT)).isZero();
      }
    }
  }

  static String publicKey(String seedFile) throws java.io.IOException {
    return KeyPair.fromSeed(Files.readString(Path.of(seedFile)).strip()).publicKey();
  }
}
