package dev.trellis.providers.keyvalue.redis;

import dev.trellis.interfaces.contract.keyvalue.KeyValue;
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
 * Builds the provider's self-contained executable and its provider archive; run by the module's
 * build (exec-maven-plugin, {@code package} phase) after the shaded jar exists.
 *
 * <p>{@code target/keyvalue-redis.bin} is a shell stub followed by the shaded jar: the stub runs
 * {@code java -jar "$0"} and the JVM reads the jar out of the same file. {@code
 * target/keyvalue-redis.par.gz} holds that executable for the Linux targets, contract {@code
 * wasmcloud:keyvalue}, signed with the fixed keys in {@code keys/} (account {@code keys/account.nk}
 * issues, service {@code keys/service.nk} is the provider's identity).
 */
public final class ArchivePacker {
  static final String NAME = "keyvalue-redis";
  static final List<String> TARGETS = List.of("x86_64-linux", "aarch64-linux");

  static final String STUB =
      "#!/bin/sh\n"
          + "# Trellis keyvalue-redis provider: this shell stub is followed by the provider's jar,\n"
          + "# which the JVM reads from this very file. JVM flags: KEYVALUE_REDIS_JAVA_OPTS.\n"
          + "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" ${KEYVALUE_REDIS_JAVA_OPTS:--XX:+UseSerialGC"
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
    Path bin = out.resolve(NAME + ".bin");
    Files.write(bin, executable);
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));

    KeyPair account = KeyPair.fromSeed(Files.readString(keys.resolve("account.nk")).strip());
    KeyPair service = KeyPair.fromSeed(Files.readString(keys.resolve("service.nk")).strip());
    var builder =
        ProviderArchive.builder()
            .withName("Trellis keyvalue-redis")
            .withCapabilityId(KeyValue.CONTRACT_ID)
            .withVendor("Trellis")
            .withVersion("0.1.0")
            .withIssuer(account)
            .withSubject(service);
    for (String target : TARGETS) {
      builder.addTarget(target, executable);
    }
    ProviderArchive archive = builder.build();
    Path par = out.resolve(NAME + ".par.gz");
    archive.write(par, true);
    System.out.println(
        NAME + ": wrote " + bin + " and " + par + " (provider " + archive.providerKey() + ")");
  }

  static byte[] executable(byte[] jar) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + STUB.length());
    bytes.writeBytes(STUB.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(jar);
    return bytes.toByteArray();
  }
}
