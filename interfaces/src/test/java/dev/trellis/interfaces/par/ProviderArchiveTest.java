package dev.trellis.interfaces.par;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.interfaces.claims.InvalidSignatureException;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.claims.TokenExpiredException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderArchiveTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final KeyPair ACCOUNT = KeyPair.generate(KeyType.ACCOUNT);
  private static final KeyPair SERVICE = KeyPair.generate(KeyType.SERVICE);
  private static final byte[] LINUX = bytes("#!/bin/sh\necho linux\n");
  private static final byte[] MAC = bytes("mach-o pretend");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ProviderArchive create() {
    return ProviderArchive.builder()
        .withName("Redis KV")
        .withCapabilityId("wasmcloud:keyvalue")
        .withVendor("Redis")
        .withRevision(3)
        .withVersion("0.1.0")
        .withConfigSchema("{\"type\":\"object\"}")
        .addTarget("x86_64-linux", LINUX)
        .addTarget("aarch64-macos", MAC)
        .withIssuer(ACCOUNT)
        .withSubject(SERVICE)
        .withClock(CLOCK)
        .build();
  }

  @Test
  void createWriteReadInspect() {
    ProviderArchive created = create();
    for (boolean gzip : new boolean[] {false, true}) {
      byte[] file = created.toBytes(gzip);
      assertThat(ParTar.isGzip(file)).isEqualTo(gzip);
      ProviderArchive read = ProviderArchive.read(file);
      assertThat(read.jwt()).isEqualTo(created.jwt());
      assertThat(read.targets()).containsExactly("aarch64-macos", "x86_64-linux");
      assertThat(read.providerKey()).isEqualTo(SERVICE.publicKey());
      ProviderMetadata md = read.metadata();
      assertThat(md.capid()).isEqualTo("wasmcloud:keyvalue");
      assertThat(md.vendor()).isEqualTo("Redis");
      assertThat(md.name()).isEqualTo("Redis KV");
      assertThat(md.rev()).isEqualTo(3);
      assertThat(md.ver()).isEqualTo("0.1.0");
      assertThat(md.configSchema()).isEqualTo("{\"type\":\"object\"}");
      assertThat(md.targetHashes())
          .containsEntry("x86_64-linux", ProviderArchive.sha256Hex(LINUX))
          .containsEntry("aarch64-macos", ProviderArchive.sha256Hex(MAC));
      assertThat(read.verifyClaims(CLOCK).issuer()).isEqualTo(ACCOUNT.publicKey());
      read.verify(CLOCK);
      assertThat(read.binary("x86_64-linux")).isEqualTo(LINUX);
      assertThat(read.binary("aarch64-macos")).isEqualTo(MAC);
    }
  }

  @Test
  void nativeTargetIsSelectedByPlatform(@TempDir Path dir) throws Exception {
    ProviderArchive archive =
        create().withTarget(ProviderTarget.current(), bytes("native!"), ACCOUNT, CLOCK);
    Path file = dir.resolve("kv.par.gz");
    archive.write(file, true);
    ProviderArchive read = ProviderArchive.read(file);
    assertThat(read.nativeExecutable(CLOCK)).isEqualTo(bytes("native!"));
    assertThat(ProviderArchive.read(new ByteArrayInputStream(Files.readAllBytes(file))).targets())
        .contains(ProviderTarget.current());
  }

  @Test
  void insertingATargetResigns() {
    ProviderArchive original = create();
    KeyPair newIssuer = KeyPair.generate(KeyType.ACCOUNT);
    Clock later = Clock.offset(CLOCK, Duration.ofHours(1));
    ProviderArchive inserted =
        ProviderArchive.read(original.toBytes(true))
            .withTarget("x86_64-windows", bytes("MZ"), newIssuer, later);
    ProviderArchive read = ProviderArchive.read(inserted.toBytes(false));
    assertThat(read.targets()).containsExactly("aarch64-macos", "x86_64-linux", "x86_64-windows");
    assertThat(read.claims().issuer()).isEqualTo(newIssuer.publicKey());
    assertThat(read.claims().subject()).isEqualTo(SERVICE.publicKey());
    assertThat(read.claims().issuedAt()).isEqualTo(1_700_003_600L);
    assertThat(read.claims().jti()).isNotEqualTo(original.claims().jti());
    assertThat(read.metadata().targetHashes()).hasSize(3);
    assertThat(read.metadata().name()).isEqualTo("Redis KV");
    read.verify(later);
    assertThat(read.binary("x86_64-windows")).isEqualTo(bytes("MZ"));
  }

  @Test
  void tamperedBinaryIsDetected() {
    ProviderArchive archive = create();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("claims.jwt", bytes(archive.jwt()));
    entries.put("x86_64-linux.bin", bytes("#!/bin/sh\nrm -rf /\n"));
    entries.put("aarch64-macos.bin", MAC);
    ProviderArchive tampered = ProviderArchive.read(ParTar.write(entries, 0, true));
    assertThat(tampered.binary("aarch64-macos")).isEqualTo(MAC);
    assertThatThrownBy(() -> tampered.binary("x86_64-linux"))
        .isInstanceOf(TargetHashMismatchException.class)
        .hasMessageContaining("file hash and verify hash do not match for 'x86_64-linux'");
    assertThatThrownBy(() -> tampered.verify(CLOCK))
        .isInstanceOf(TargetHashMismatchException.class);
  }

  @Test
  void addedTargetWithoutHashIsDetected() {
    ProviderArchive archive = create();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("claims.jwt", bytes(archive.jwt()));
    entries.put("x86_64-linux.bin", LINUX);
    entries.put("riscv64-linux.bin", bytes("sneaky"));
    ProviderArchive read = ProviderArchive.read(ParTar.write(entries, 0, false));
    assertThatThrownBy(() -> read.binary("riscv64-linux"))
        .isInstanceOf(TargetHashMismatchException.class)
        .hasMessageContaining("no hash for target riscv64-linux");
    assertThatThrownBy(() -> read.binary("aarch64-macos"))
        .isInstanceOf(TargetNotFoundException.class)
        .hasMessageContaining("no binary for target aarch64-macos");
  }

  @Test
  void tamperedClaimsAreDetected() {
    ProviderArchive archive = create();
    String[] parts = archive.jwt().split("\\.");
    KeyPair mallory = KeyPair.generate(KeyType.ACCOUNT);
    String stolen =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mallory.sign((parts[0] + "." + parts[1]).getBytes()));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("claims.jwt", bytes(stolen));
    entries.put("x86_64-linux.bin", LINUX);
    ProviderArchive read = ProviderArchive.read(ParTar.write(entries, 0, false));
    assertThatThrownBy(() -> read.verifyClaims(CLOCK))
        .isInstanceOf(InvalidSignatureException.class);

    ProviderArchive expiring =
        ProviderArchive.builder()
            .withCapabilityId("wasmcloud:httpserver")
            .withVendor("acme")
            .addTarget("x86_64-linux", LINUX)
            .withIssuer(ACCOUNT)
            .withSubject(SERVICE)
            .withClock(CLOCK)
            .withExpires(CLOCK.instant().plusSeconds(10))
            .build();
    assertThatThrownBy(() -> expiring.verifyClaims(Clock.offset(CLOCK, Duration.ofSeconds(11))))
        .isInstanceOf(TokenExpiredException.class);
    assertThat(expiring.metadata().name()).isNull();
    assertThat(expiring.jwt()).isNotNull();
  }

  @Test
  void malformedArchivesAreRejected() {
    assertThatThrownBy(() -> ProviderArchive.read(new byte[] {1}))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("not enough bytes");
    assertThatThrownBy(() -> ProviderArchive.read(new byte[] {0x1f, (byte) 0x8b, 0, 0}))
        .isInstanceOf(MalformedArchiveException.class);
    assertThatThrownBy(() -> ProviderArchive.read(new byte[1024]))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("not enough files");

    Map<String, byte[]> onlyClaims = Map.of("claims.jwt", bytes(create().jwt()));
    assertThatThrownBy(() -> ProviderArchive.read(ParTar.write(onlyClaims, 0, false)))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("not enough files");

    Map<String, byte[]> badClaims = new LinkedHashMap<>();
    badClaims.put("claims.jwt", bytes("garbage"));
    badClaims.put("x86_64-linux.bin", LINUX);
    assertThatThrownBy(() -> ProviderArchive.read(ParTar.write(badClaims, 0, false)))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("claims.jwt does not decode");

    Map<String, byte[]> duplicate = new LinkedHashMap<>();
    duplicate.put("claims.jwt", bytes(create().jwt()));
    duplicate.put("x86_64-linux.bin", LINUX);
    duplicate.put("dir/x86_64-linux.bin", LINUX);
    assertThatThrownBy(() -> ProviderArchive.read(ParTar.write(duplicate, 0, false)))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("two entries named 'x86_64-linux'");

    byte[] big = create().toBytes(false);
    assertThatThrownBy(() -> ProviderArchive.read(big, 100))
        .isInstanceOf(MalformedArchiveException.class)
        .hasMessageContaining("more than 100 bytes");
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(
            () ->
                ProviderArchive.builder()
                    .withCapabilityId("c")
                    .withVendor("v")
                    .addTarget("x86_64-linux", LINUX)
                    .withIssuer(SERVICE)
                    .withSubject(SERVICE)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("account key pair");
    assertThatThrownBy(
            () ->
                ProviderArchive.builder()
                    .withCapabilityId("c")
                    .withVendor("v")
                    .withIssuer(ACCOUNT)
                    .withSubject(SERVICE)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no target binary");
    assertThatThrownBy(() -> ProviderArchive.builder().addTarget("x86_64-linux.bin", LINUX))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void targetsUseRustNames() {
    assertThat(ProviderTarget.of("amd64", "Linux")).isEqualTo("x86_64-linux");
    assertThat(ProviderTarget.of("aarch64", "Mac OS X")).isEqualTo("aarch64-macos");
    assertThat(ProviderTarget.of("amd64", "Windows 11")).isEqualTo("x86_64-windows");
    assertThat(ProviderTarget.of("x86", "FreeBSD")).isEqualTo("x86-freebsd");
    assertThat(ProviderTarget.of("arm", "Linux")).isEqualTo("arm-linux");
    assertThat(ParTar.stem("dir/x86_64-linux.bin")).isEqualTo("x86_64-linux");
    assertThat(ParTar.stem("claims.jwt")).isEqualTo("claims");
    assertThat(ParTar.stem("archive.tar.gz")).isEqualTo("archive.tar");
  }
}
