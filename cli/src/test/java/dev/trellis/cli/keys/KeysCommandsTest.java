package dev.trellis.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysCommandsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "account,A",
    "user,U",
    "module,M",
    "service,V",
    "server,N",
    "operator,O",
    "cluster,C",
    "actor,M",
    "provider,V",
    "Account,A"
  })
  void genPrintsAMatchingPublicKeyAndSeed(String type, char letter) {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result json = cli.run("keys", "gen", type, "-o", "json");
    CliRun.Result text = cli.run("keys", "gen", type);

    assertThat(json.exitCode()).isZero();
    JsonNode out = json.json();
    String publicKey = out.get("public_key").asText();
    String seed = out.get("seed").asText();
    assertThat(publicKey).hasSize(56).startsWith(String.valueOf(letter));
    assertThat(seed).hasSize(58).startsWith("S" + letter);
    assertThat(KeyPair.fromSeed(seed).publicKey()).isEqualTo(publicKey);
    assertThat(out.get("success").asBoolean()).isTrue();
    assertThat(text.out())
        .startsWith("Public Key: " + letter)
        .contains("\nSeed: S" + letter)
        .contains("Remember that the seed is private, treat it as a secret.");
    assertThat(cli.keys()).doesNotExist();
  }

  @Test
  void genRejectsAnUnknownTypeInPlainWords() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result text = cli.run("keys", "gen", "wizard");
    CliRun.Result json = cli.run("keys", "gen", "wizard", "-o", "json");

    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out()).isEmpty();
    assertThat(text.err().strip())
        .isEqualTo(
            "error: failed to generate key: unknown key type 'wizard'; expected one of account,"
                + " user, module, service, server, operator, cluster");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.errorJson().get("success").asBoolean()).isFalse();
    assertThat(json.errorJson().get("error").asText()).contains("unknown key type 'wizard'");
    assertThat(json.errorJson().get("error_chain").get(0).asText()).contains("wizard");
  }

  @Test
  void listShowsOnlyNkFilesSorted() throws Exception {
    CliRun cli = CliRun.in(tmp);
    write(cli.keys(), Map.of("b_module.nk", KeyType.MODULE, "a_account.nk", KeyType.ACCOUNT));
    Files.writeString(cli.keys().resolve("notes.txt"), "not a key");

    CliRun.Result text = cli.run("keys", "list");
    CliRun.Result json = cli.run("keys", "list", "-o", "json");

    assertThat(text.out())
        .contains("Keys found in " + cli.keys())
        .contains("a_account.nk\nb_module.nk");
    assertThat(text.out()).doesNotContain("notes.txt");
    assertThat(json.json().get("keys").toString()).isEqualTo("[\"a_account.nk\",\"b_module.nk\"]");
  }

  @Test
  void listOfAMissingDirectoryIsEmpty() {
    CliRun.Result r = CliRun.in(tmp).run("keys", "list", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.json().get("keys").size()).isZero();
  }

  @Test
  void directoryComesFromTheFlagThenWashKeys() throws Exception {
    CliRun cli = CliRun.in(tmp);
    Path fromEnv = tmp.resolve("env-keys");
    Path fromFlag = tmp.resolve("flag-keys");
    write(fromEnv, Map.of("env_account.nk", KeyType.ACCOUNT));
    write(fromFlag, Map.of("flag_account.nk", KeyType.ACCOUNT));
    cli.env("WASH_KEYS", fromEnv.toString());

    assertThat(cli.run("keys", "list", "-o", "json").json().get("keys").get(0).asText())
        .isEqualTo("env_account.nk");
    assertThat(
            cli.run("keys", "list", "-d", fromFlag.toString(), "-o", "json")
                .json()
                .get("keys")
                .get(0)
                .asText())
        .isEqualTo("flag_account.nk");
  }

  @Test
  void getPrintsTheSeedWithOrWithoutExtension() throws Exception {
    CliRun cli = CliRun.in(tmp);
    KeyPair key = KeyPair.generate(KeyType.ACCOUNT);
    Files.createDirectories(cli.keys());
    Files.writeString(cli.keys().resolve("me_account.nk"), key.seed().reveal() + "\n");

    CliRun.Result text = cli.run("keys", "get", "me_account");
    CliRun.Result json = cli.run("keys", "get", "me_account.nk", "-o", "json");

    assertThat(text.out().strip()).isEqualTo(key.seed().reveal());
    assertThat(json.json().get("seed").asText()).isEqualTo(key.seed().reveal());
    assertThat(json.json().get("public_key").asText()).isEqualTo(key.publicKey());
  }

  @Test
  void getOfAMissingKeySaysWhereItLooked() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result r = cli.run("keys", "get", "nobody");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "failed to read key 'nobody': " + cli.keys().resolve("nobody.nk") + " does not exist")
        .contains("trellis keys list");
  }

  @Test
  void getOfAFileWithoutAValidSeedFailsWithoutEchoingIt() throws Exception {
    CliRun cli = CliRun.in(tmp);
    Files.createDirectories(cli.keys());
    String garbage = "SAGARBAGEGARBAGEGARBAGEGARBAGEGARBAGEGARBAGEGARBAGEGARBAG";
    Files.writeString(cli.keys().resolve("bad_account.nk"), garbage);

    CliRun.Result r = cli.run("keys", "get", "bad_account", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errorJson().get("error").asText()).contains("does not hold a valid seed");
    assertThat(r.err()).doesNotContain(garbage);
  }

  private static void write(Path dir, Map<String, KeyType> files) throws Exception {
    Files.createDirectories(dir);
    for (Map.Entry<String, KeyType> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), KeyPair.generate(e.getValue()).seed().reveal());
    }
    assertThat(List.of(dir.toFile().list())).hasSizeGreaterThanOrEqualTo(files.size());
  }
}
