package dev.trellis.cli.par;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.par.ProviderArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParCommandsTest {
  static final String LINUX = "#!/bin/sh\necho provider for x86_64-linux\n";
  static final String ARM = "#!/bin/sh\necho provider for aarch64-linux\n";

  @TempDir Path tmp;
  CliRun cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = CliRun.in(tmp);
    Files.writeString(cli.work().resolve("kv"), LINUX);
    Files.writeString(cli.work().resolve("kv-arm"), ARM);
  }

  @Test
  void createWritesASignedArchiveNamedAfterTheBinary() throws Exception {
    CliRun.Result r = create();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip()).isEqualTo("Successfully created archive kv.par");
    Path file = cli.work().resolve("kv.par");
    ProviderArchive par = read(file);
    par.verify(clock());
    assertThat(par.metadata().capid()).isEqualTo("wasmcloud:keyvalue");
    assertThat(par.metadata().vendor()).isEqualTo("Acme");
    assertThat(par.metadata().name()).isEqualTo("Acme KV");
    assertThat(par.targets()).containsExactly("x86_64-linux");
    assertThat(new String(par.binary("x86_64-linux"), StandardCharsets.UTF_8)).isEqualTo(LINUX);
    assertThat(par.providerKey()).isEqualTo(publicKeyIn(cli.keys().resolve("kv_service.nk")));
    assertThat(par.claims().issuer())
        .isEqualTo(publicKeyIn(cli.keys().resolve("tester_account.nk")));
  }

  @Test
  void createJsonAndCompression() throws Exception {
    CliRun.Result r =
        create(
            "--compress",
            "--destination",
            "dist.par.gz",
            "-r",
            "4",
            "--version",
            "1.2.0",
            "-o",
            "json");

    JsonNode json = r.json();
    Path file = cli.work().resolve("dist.par.gz");
    assertThat(json.get("file").asText()).isEqualTo(file.toString());
    assertThat(json.get("service").asText()).startsWith("V");
    assertThat(json.get("success").asBoolean()).isTrue();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0] & 0xFF).isEqualTo(0x1F);
    assertThat(bytes[1] & 0xFF).isEqualTo(0x8B);
    assertThat(read(file).metadata().rev()).isEqualTo(4);
    assertThat(read(file).metadata().ver()).isEqualTo("1.2.0");
  }

  @Test
  void inspectShowsClaimsAndTargets() {
    create("--version", "1.0.0");

    CliRun.Result text = cli.run("par", "inspect", "kv.par");
    JsonNode json = cli.run("par", "inspect", "kv.par", "-o", "json").json();

    assertThat(text.out())
        .startsWith("Acme KV - Provider Archive")
        .contains("Capability Contract ID  wasmcloud:keyvalue")
        .contains("Vendor                  Acme")
        .contains("Version                 1.0.0")
        .contains("Revision                None")
        .contains("Supported Architecture Targets\n  x86_64-linux");
    assertThat(json.get("name").asText()).isEqualTo("Acme KV");
    assertThat(json.get("issuer").asText()).startsWith("A");
    assertThat(json.get("service").asText()).startsWith("V");
    assertThat(json.get("capability_contract_id").asText()).isEqualTo("wasmcloud:keyvalue");
    assertThat(json.get("vendor").asText()).isEqualTo("Acme");
    assertThat(json.get("version").asText()).isEqualTo("1.0.0");
    assertThat(json.get("revision").asText()).isEqualTo("None");
    assertThat(json.get("targets").toString()).isEqualTo("[\"x86_64-linux\"]");
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(cli.run("inspect", "kv.par", "-o", "json").json().get("service"))
        .isEqualTo(json.get("service"));
  }

  @Test
  void insertAddsATargetAndKeepsCompressionAndIdentity() throws Exception {
    create("--compress");
    String service = read(cli.work().resolve("kv.par.gz")).providerKey();

    CliRun.Result r =
        cli.run("par", "insert", "kv.par.gz", "-a", "aarch64-linux", "-b", "kv-arm", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("targets").toString())
        .isEqualTo("[\"aarch64-linux\",\"x86_64-linux\"]");
    byte[] bytes = Files.readAllBytes(cli.work().resolve("kv.par.gz"));
    assertThat(bytes[0] & 0xFF).isEqualTo(0x1F);
    ProviderArchive par = ProviderArchive.read(bytes);
    par.verify(clock());
    assertThat(par.providerKey()).isEqualTo(service);
    assertThat(new String(par.binary("aarch64-linux"), StandardCharsets.UTF_8)).isEqualTo(ARM);
  }

  @Test
  void insertWithAnotherAccountSaysItReSigns() throws Exception {
    create();
    KeyPair other = KeyPair.generate(KeyType.ACCOUNT);

    CliRun.Result r =
        cli.run(
            "par",
            "insert",
            "kv.par",
            "-a",
            "aarch64-linux",
            "-b",
            "kv-arm",
            "-i",
            other.seed().reveal());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Re-signing with account " + other.publicKey());
    assertThat(read(cli.work().resolve("kv.par")).claims().issuer()).isEqualTo(other.publicKey());
  }

  @Test
  void insertNeedsAnExistingAccountKey() throws Exception {
    create();
    Files.delete(cli.keys().resolve("tester_account.nk"));

    CliRun.Result r = cli.run("par", "insert", "kv.par", "-a", "aarch64-linux", "-b", "kv-arm");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("failed to find the account key: pass -i/--issuer");
    assertThat(cli.keys().resolve("tester_account.nk")).doesNotExist();
  }

  @Test
  void insertRefusesAnotherProvidersKey() {
    create();

    CliRun.Result r =
        cli.run(
            "par",
            "insert",
            "kv.par",
            "-a",
            "aarch64-linux",
            "-b",
            "kv-arm",
            "-s",
            KeyPair.generate(KeyType.SERVICE).seed().reveal());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("a provider's identity cannot change");
  }

  @Test
  void wrongArchFormatIsExplained() {
    CliRun.Result text = create("-a", "linux");
    CliRun.Result json =
        cli.run("par", "insert", "kv.par", "-a", "x86_64_linux", "-b", "kv", "-o", "json");

    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.err())
        .contains("'linux' is not a target in ARCH-OS form; use e.g. x86_64-linux");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.errorJson().get("error").asText()).contains("'x86_64_linux' is not a target");
  }

  @Test
  void contractIdMustNotBeAPublicKey() {
    CliRun.Result r = create("-c", KeyPair.generate(KeyType.SERVICE).publicKey());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("-c/--capid needs a contract id such as wasmcloud:keyvalue");
  }

  @Test
  void missingBinaryIsNamed() {
    CliRun.Result r = create("-b", "nothing-here");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("error: failed to read provider binary nothing-here: it does not exist");
  }

  @Test
  void alteredBinaryFailsInspection() throws Exception {
    create();
    Path file = cli.work().resolve("kv.par");
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("provider for x86_64-linux");
    bytes[at] = (byte) 'P';
    Files.write(file, bytes);

    CliRun.Result r = cli.run("par", "inspect", "kv.par", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errorJson().get("error").asText())
        .contains("file hash and verify hash do not match for 'x86_64-linux'")
        .endsWith("the archive was altered after signing");
  }

  @Test
  void notAnArchiveIsNamed() throws Exception {
    Files.writeString(cli.work().resolve("bogus.par"), "nope");

    CliRun.Result r = cli.run("par", "inspect", "bogus.par");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: failed to inspect provider archive bogus.par: ");
  }

  private CliRun.Result create(String... extra) {
    String[] base = {
      "par",
      "create",
      "-c",
      "wasmcloud:keyvalue",
      "-v",
      "Acme",
      "-n",
      "Acme KV",
      "-a",
      "x86_64-linux",
      "-b",
      "kv"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(args);
  }

  private static ProviderArchive read(Path file) throws Exception {
    return ProviderArchive.read(file);
  }

  private static Clock clock() {
    return Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
  }

  private static String publicKeyIn(Path file) throws Exception {
    return KeyPair.fromSeed(Files.readString(file).strip()).publicKey();
  }
}
