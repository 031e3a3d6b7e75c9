package dev.trellis.providers.test;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.par.ProviderArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Builds the test provider's self-contained executable and its provider archive; run by the
 * module's build (exec-maven-plugin, {@code package} phase) after the shaded jar exists.
 *
 * <p>The executable, {@code target/test-provider.bin}, is a shell stub followed by the shaded jar:
 * the stub runs {@code java -jar "$0"}, and the JVM reads the jar out of the same file (a zip
 * archive tolerates a prefix). It is one file, so it runs wherever a host extracts it from the
 * archive, with no jar to find next to it; it needs {@code java} (17+) on {@code PATH} or in {@code
 * JAVA_HOME}.
 *
 * <p>The archive, {@code target/test-provider.par.gz}, holds that executable for the Linux targets,
 * signed with the fixed test keys in {@code keys/} (account {@code keys/account.nk} issues, service
 * {@code keys/service.nk} is the provider's identity), contract {@code trellis:test}.
 */
public final class ArchivePacker {
  /** The targets the archive carries; the stub is the same on every Unix. */
  static final List<String> TARGETS = List.of("x86_64-linux", "aarch64-linux");

  static final String STUB =
      "#!/bin/sh\n"
          + "# Trellis test provider: this shell stub is followed by the provider's jar, which the\n"
          + "# JVM reads from this very file. Switches: TEST_PROVIDER_* environment variables.\n"
          + "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" ${TEST_PROVIDER_JAVA_OPTS:--XX:+UseSerialGC"
          + " -XX:TieredStopAtLevel=1 -Xss512k} -jar \"$0\" \"$@\"\n";

  private ArchivePacker() {}

  /** Arguments: the shaded jar, the keys directory, the output directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ArchivePacker <jar> <keys dir> <out dir>");
    }
    Path jar = Path.of(args[0]);
    Path keys = Path.of(args[1]);
    Path out = Path.of(args[2]);
    byte[] executable = executable(Files.readAllBytes(jar));
    Path bin = out.resolve("test-provider.bin");
    Files.write(bin, executable);
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));

    KeyPair account = KeyPair.fromSeed(Files.readString(keys.resolve("account.nk")).strip());
    KeyPair service = KeyPair.fromSeed(Files.readString(keys.resolve("service.nk")).strip());
    var builder =
        ProviderArchive.builder()
            .withName("Trellis test provider")
            .withCapabilityId(TestSwitches.DEFAULT_CONTRACT)
            .withVendor("Trellis")
            .withVersion("0.1.0")
            .withIssuer(account)
            .withSubject(service);
    for (String target : TARGETS) {
      builder.addTarget(target, executable);
    }
    ProviderArchive archive = builder.build();
    archive.write(out.resolve("test-provider.par.gz"), true);
    System.out.println(
        "test-provider: wrote "
            + bin
            + " and "
            + out.resolve("test-provider.par.gz")
            + " (provider "
            + archive.providerKey()
            + ")");
  }

  static byte[] executable(byte[] jar) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + STUB.length());
    bytes.writeBytes(STUB.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(jar);
    return bytes.toByteArray();
  }
}
