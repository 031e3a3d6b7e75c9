package dev.trellis.cli.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.VerifiedModule;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsSignTest {
  @TempDir Path tmp;
  CliRun cli;
  Path module;

  @BeforeEach
  void setUp() {
    cli = CliRun.in(tmp);
    module = Repo.unsignedCopy("echo-rust.wasm", cli.work());
  }

  @Test
  void signsWithGeneratedKeysNamedAsWashNamesThem() throws Exception {
    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm", "-n", "Echo", "-q");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip())
        .isEqualTo("Successfully signed echo-rust_s.wasm with capabilities: wasmcloud:httpserver");
    Path account = cli.keys().resolve("tester_account.nk");
    Path moduleKey = cli.keys().resolve("echo-rust_module.nk");
    assertThat(account).exists();
    assertThat(moduleKey).exists();
    assertThat(r.err()).contains("generated one in " + account).contains(moduleKey.toString());
    VerifiedModule verified = verify(cli.work().resolve("echo-rust_s.wasm"));
    assertThat(verified.claims().issuer()).isEqualTo(publicKeyIn(account));
    assertThat(verified.actorKey()).isEqualTo(publicKeyIn(moduleKey));
    assertThat(verified.metadata().name()).isEqualTo("Echo");
    assertThat(verified.metadata().caps()).containsExactly("wasmcloud:httpserver");
  }

  @Test
  void signingAgainReusesTheKeys() {
    CliRun.Result first = cli.run("claims", "sign", "echo-rust.wasm", "-n", "Echo", "-o", "json");
    CliRun.Result second = cli.run("claims", "sign", "echo-rust.wasm", "-n", "Echo", "-o", "json");

    assertThat(second.json().get("module").asText()).isEqualTo(first.json().get("module").asText());
    assertThat(second.json().get("account").asText())
        .isEqualTo(first.json().get("account").asText());
    assertThat(second.err()).isEmpty();
  }

  @Test
  void everyCapabilityShortcutMapsAsInWash() {
    CliRun.Result r =
        cli.run(
            "claims",
            "sign",
            "echo-rust.wasm",
            "-n",
            "All",
            "-k",
            "-g",
            "-q",
            "-h",
            "-f",
            "-l",
            "-z",
            "-e",
            "-c",
            "acme:queue",
            "-c",
            "wasmcloud:keyvalue",
            "-o",
            "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> caps =
        List.of(
            "wasmcloud:keyvalue",
            "wasmcloud:messaging",
            "wasmcloud:httpclient",
            "wasmcloud:httpserver",
            "wasmcloud:blobstore",
            "wasmcloud:builtin:logging",
            "wasmcloud:builtin:numbergen",
            "wasmcloud:eventstreams",
            "acme:queue");
    JsonNode json = r.json();
    assertThat(json.get("capabilities").toString())
        .isEqualTo("[\"" + String.join("\",\"", caps) + "\"]");
    assertThat(verify(Path.of(json.get("destination").asText())).metadata().caps())
        .containsExactlyElementsOf(caps);
  }

  @Test
  void explicitKeysAsSeedAndFileWithAllMetadata() throws Exception {
    KeyPair account = KeyPair.generate(KeyType.ACCOUNT);
    KeyPair moduleKey = KeyPair.generate(KeyType.MODULE);
    Path moduleFile = tmp.resolve("mine.nk");
    Files.writeString(moduleFile, moduleKey.seed().reveal());

    CliRun.Result r =
        cli.run(
            "claims",
            "sign",
            "echo-rust.wasm",
            "--name",
            "Pong",
            "-i",
            account.seed().reveal(),
            "-s",
            moduleFile.toString(),
            "-d",
            "out.wasm",
            "-t",
            "a",
            "--tag",
            "b",
            "-r",
            "7",
            "-v",
            "1.2.3",
            "-a",
            "trellis/pong",
            "--disable-keygen",
            "-o",
            "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("destination").asText())
        .isEqualTo(cli.work().resolve("out.wasm").toString());
    assertThat(r.json().get("account").asText()).isEqualTo(account.publicKey());
    assertThat(r.json().get("module").asText()).isEqualTo(moduleKey.publicKey());
    VerifiedModule verified = verify(cli.work().resolve("out.wasm"));
    assertThat(verified.metadata().tags()).containsExactly("a", "b");
    assertThat(verified.metadata().rev()).isEqualTo(7);
    assertThat(verified.metadata().ver()).isEqualTo("1.2.3");
    assertThat(verified.metadata().callAlias()).isEqualTo("trellis/pong");
    assertThat(cli.keys()).doesNotExist();
    assertThat(r.out()).doesNotContain(account.seed().reveal());
  }

  @Test
  void issuerFromWashIssuerKey() {
    KeyPair account = KeyPair.generate(KeyType.ACCOUNT);
    cli.env("WASH_ISSUER_KEY", account.seed().reveal());

    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-o", "json");

    assertThat(r.json().get("account").asText()).isEqualTo(account.publicKey());
    assertThat(cli.keys().resolve("tester_account.nk")).doesNotExist();
  }

  @Test
  void expiryAndNotBeforeAreDaysFromNow() {
    CliRun.Result r =
        cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-x", "3", "-b", "1", "-o", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode soon = cli.run("claims", "inspect", "echo-rust_s.wasm", "-o", "json").json();
    assertThat(soon.get("expires").asText()).isEqualTo("in 3days");
    assertThat(soon.get("can_be_used").asText()).isEqualTo("in 1day");
    assertThat(soon.get("valid").asBoolean()).isFalse();
    JsonNode later =
        cli.clock(CliRun.NOW.plusSeconds(4 * 86_400))
            .run("claims", "inspect", "echo-rust_s.wasm", "-o", "json")
            .json();
    assertThat(later.get("expires").asText()).isEqualTo("1day ago");
    assertThat(later.get("valid").asBoolean()).isFalse();
    assertThat(cli.run("claims", "inspect", "echo-rust_s.wasm").out())
        .contains("1day ago (expired)");
  }

  @Test
  void disableKeygenFailsWhenAKeyIsMissing() {
    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "--disable-keygen");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("failed to find the account key: " + cli.keys().resolve("tester_account.nk"))
        .contains("--disable-keygen is set; pass -i/--issuer");
    assertThat(cli.work().resolve("echo-rust_s.wasm")).doesNotExist();
  }

  @Test
  void badSeedIsRefusedWithoutShowingIt() {
    String bad = "SAXXSEEDXXSEEDXXSEEDXXSEEDXXSEEDXXSEEDXXSEEDXXSEEDXXSEEDX";

    CliRun.Result r =
        cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-i", bad, "-o", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    String error = r.errorJson().get("error").asText();
    assertThat(error)
        .startsWith("failed to use the key given to -i/--issuer: failed to decode seed")
        .endsWith("pass an account seed (SA…) or the path to a .nk file");
    assertThat(r.err()).doesNotContain(bad);
  }

  @Test
  void seedOfTheWrongTypeIsRefused() {
    KeyPair moduleKey = KeyPair.generate(KeyType.MODULE);

    CliRun.Result r =
        cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-i", moduleKey.seed().reveal());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("it is a module key (SM…), expected an account key (SA…)")
        .doesNotContain(moduleKey.seed().reveal());
  }

  @Test
  void missingKeyFileIsNamed() {
    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-i", "./nope.nk");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("failed to read the key file given to -i/--issuer")
        .contains("nope.nk does not exist");
  }

  @Test
  void missingModuleIsNamed() {
    CliRun.Result r = cli.run("claims", "sign", "missing.wasm", "-n", "E", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errorJson().get("error").asText())
        .isEqualTo("failed to sign module missing.wasm: it does not exist");
  }

  @Test
  void notAWasmModuleIsRefused() throws Exception {
    Files.writeString(cli.work().resolve("notes.wasm"), "hello");

    CliRun.Result r = cli.run("claims", "sign", "notes.wasm", "-n", "E");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: failed to sign module notes.wasm: ");
    assertThat(cli.keys()).doesNotExist();
  }

  @Test
  void nameIsRequiredAsInWash() {
    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--name=NAME'");
  }

  @Test
  void callAliasFollowsWashsRules() {
    assertThat(cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-a", "Bad Alias").err())
        .contains("call alias 'Bad Alias' contains invalid characters");
    assertThat(
            cli.run(
                    "claims",
                    "sign",
                    "echo-rust.wasm",
                    "-n",
                    "E",
                    "-a",
                    KeyPair.generate(KeyType.MODULE).publicKey())
                .err())
        .contains("a public key cannot be used as a call alias");
  }

  @Test
  void aProviderModuleHasOneCapabilityAtMost() {
    CliRun.Result r = cli.run("claims", "sign", "echo-rust.wasm", "-n", "E", "-p", "-k", "-q");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("capability providers cannot provide multiple capabilities at once");
  }

  private static VerifiedModule verify(Path file) {
    try {
      return ModuleClaims.verify(Files.readAllBytes(file), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String publicKeyIn(Path file) throws Exception {
    return KeyPair.fromSeed(Files.readString(file).strip()).publicKey();
  }
}
