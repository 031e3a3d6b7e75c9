package dev.trellis.provider.testing;

import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.par.ProviderArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * Builds a Java provider's self-contained executable and its provider archive; run by the
 * provider's build after the shaded jar exists, with this module on the test class path:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.codehaus.mojo</groupId>
 *   <artifactId>exec-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <id>provider-archive</id>
 *       <phase>package</phase>
 *       <goals><goal>java</goal></goals>
 *       <configuration>
 *         <skip>${maven.test.skip}</skip>
 *         <mainClass>dev.trellis.provider.testing.ArchivePacker</mainClass>
 *         <classpathScope>test</classpathScope>
 *         <arguments>
 *           <argument>${project.build.directory}/my-provider.jar</argument>
 *           <argument>${project.basedir}/keys</argument>
 *           <argument>${project.build.directory}</argument>
 *           <argument>my-provider</argument>
 *           <argument>example:contract</argument>
 *           <argument>My provider</argument>
 *           <argument>-XX:+UseSerialGC -Xss512k</argument>
 *         </arguments>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>The executable, {@code target/<name>.bin}, is a shell stub followed by the shaded jar: the
 * stub runs {@code java -jar "$0"}, and the JVM reads the jar out of the same file (a zip archive
 * tolerates a prefix). It is one file, so it runs wherever a host extracts it from the archive,
 * with no jar to find next to it. It needs {@code java} (17+) on {@code PATH} or in {@code
 * JAVA_HOME}; {@code <NAME>_JAVA_OPTS} (the name in upper case, {@code -} as {@code _}) overrides
 * the default JVM flags.
 *
 * <p>The archive, {@code target/<name>.par.gz}, holds that executable for the Linux targets, signed
 * with the fixed keys in {@code keys/} (account {@code keys/account.nk} issues, service {@code
 * keys/service.nk} is the provider's identity).
 */
public final class ArchivePacker {
  /** The targets the archive carries; the stub is the same on every Unix. */
  public static final List<String> TARGETS = List.of("x86_64-linux", "aarch64-linux");

  private ArchivePacker() {}

  /**
   * Arguments: the shaded jar, the keys directory, the output directory, the file name, the
   * contract id, the display name, the default JVM flags.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 7) {
      throw new IllegalArgumentException(
          "usage: ArchivePacker <jar> <keys dir> <out dir> <name> <contract> <display name>"
              + " <java opts>");
    }
    Path jar = Path.of(args[0]);
    Path keys = Path.of(args[1]);
    Path out = Path.of(args[2]);
    String name = args[3];
    byte[] executable = executable(name, args[6], Files.readAllBytes(jar));
    Path bin = out.resolve(name + ".bin");
    Files.write(bin, executable);
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));

    KeyPair account = KeyPair.fromSeed(Files.readString(keys.resolve("account.nk")).strip());
    KeyPair service = KeyPair.fromSeed(Files.readString(keys.resolve("service.nk")).strip());
    var builder =
        ProviderArchive.builder()
            .withName(args[5])
            .withCapabilityId(args[4])
            .withVendor("Trellis")
            .withVersion("0.1.0")
            .withIssuer(account)
            .withSubject(service);
    for (String target : TARGETS) {
      builder.addTarget(target, executable);
    }
    ProviderArchive archive = builder.build();
    Path par = out.resolve(name + ".par.gz");
    archive.write(par, true);
    System.out.println(
        name + ": wrote " + bin + " and " + par + " (provider " + archive.providerKey() + ")");
  }

  static byte[] executable(String name, String javaOpts, byte[] jar) {
    String opts = name.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTS";
    String stub =
        "#!/bin/sh\n"
            + "# Trellis provider "
            + name
            + ": this shell stub is followed by the provider's jar, which the\n"
            + "# JVM reads from this very file. JVM flags: "
            + opts
            + ".\n"
            + "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" ${"
            + opts
            + ":-"
            + javaOpts
            + "} -jar \"$0\" \"$@\"\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + stub.length());
    bytes.writeBytes(stub.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(jar);
    return bytes.toByteArray();
  }
}
