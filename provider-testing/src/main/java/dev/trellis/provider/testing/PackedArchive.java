package dev.trellis.provider.testing;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.interfaces.par.ProviderTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

/**
 * The provider archive a build packed with {@link ArchivePacker}, read back the way a host reads
 * it, for the provider's tests that then run its executable:
 *
 * <pre>{@code
 * ProviderArchive archive =
 *     PackedArchive.read(Path.of("target/my-provider.par.gz"), Path.of("keys"), "example:echo");
 * Path executable = PackedArchive.extract(archive, dir.resolve("my-provider"));
 * try (ProviderHarness h = new ProviderHarness(nats, lattice, "example:echo", archive.providerKey());
 *     ProviderProcess provider = ProviderProcess.start(executable, Map.of()).write(h.stdinLine())) {
 *   ...
 * }
 * }</pre>
 */
public final class PackedArchive {
  private PackedArchive() {}

  /**
   * Reads {@code par} and checks it: its signature and hashes as a host checks them, and that it is
   * what {@link ArchivePacker} was asked for: issued by {@code keys/account.nk}, for the provider
   * {@code keys/service.nk}, of {@code contract}, for the {@link ArchivePacker#TARGETS}.
   *
   * @throws AssertionError naming what differs
   * @throws IOException if a file cannot be read
   */
  public static ProviderArchive read(Path par, Path keys, String contract) throws IOException {
    ProviderArchive archive = ProviderArchive.read(par);
    archive.verify(Clock.systemUTC());
    expect(par, "issuer", archive.claims().issuer(), publicKey(keys.resolve("account.nk")));
    expect(par, "provider key", archive.providerKey(), publicKey(keys.resolve("service.nk")));
    expect(par, "contract", archive.metadata().capid(), contract);
    expect(par, "targets", archive.targets(), Set.copyOf(ArchivePacker.TARGETS));
    return archive;
  }

  /**
   * Writes the archive's executable for this machine to {@code file} and makes it executable, as a
   * host does before starting it; returns {@code file}.
   */
  public static Path extract(ProviderArchive archive, Path file) throws IOException {
    Files.write(file, archive.binary(ProviderTarget.current()));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static String publicKey(Path seedFile) throws IOException {
    return KeyPair.fromSeed(Files.readString(seedFile).strip()).publicKey();
  }

  private static void expect(Path par, String what, Object actual, Object expected) {
    if (!actual.equals(expected)) {
      throw new AssertionError(
          "archive " + par + ": " + what + " is " + actual + ", expected " + expected);
    }
  }
}
