package dev.trellis.cli.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliRun;
import dev.trellis.cli.Repo;
import dev.trellis.interfaces.claims.ModuleClaims;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsInspectTest {
  @TempDir Path tmp;

  @Test
  void showsTheCorpusEchoActorAsWashWould() {
    CliRun.Result r = CliRun.in(tmp).run("claims", "inspect", echo());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Echo (Rust) - Module\n")
        .contains("Account      ACC23S2ESAJPPDB6FC7FSRHGQ5WJ2QPPJLKVQY6YVYOL7UXHKN7R4YHZ")
        .contains("Module       MBEG4YU6K27CJE2E5FVR77L6JWF6IIF5OOKDUFOYMDTMNS74JHAQFU6O")
        .contains("Expires      never")
        .contains("Can Be Used  immediately")
        .contains("Version      0.1.0 (1)")
        .contains("Call Alias   (Not set)")
        .contains("(matches the module)")
        .contains("Capabilities\n  HTTP Server\nTags\n  sample");
  }

  @Test
  void jsonHasWashsKeysAndTrellisChecks() {
    JsonNode json = CliRun.in(tmp).run("claims", "inspect", echo(), "-o", "json").json();

    assertThat(json.get("account").asText())
        .isEqualTo("ACC23S2ESAJPPDB6FC7FSRHGQ5WJ2QPPJLKVQY6YVYOL7UXHKN7R4YHZ");
    assertThat(json.get("module").asText())
        .isEqualTo("MBEG4YU6K27CJE2E5FVR77L6JWF6IIF5OOKDUFOYMDTMNS74JHAQFU6O");
    assertThat(json.get("name").asText()).isEqualTo("Echo (Rust)");
    assertThat(json.get("expires").asText()).isEqualTo("never");
    assertThat(json.get("can_be_used").asText()).isEqualTo("immediately");
    assertThat(json.get("version").asText()).isEqualTo("0.1.0");
    assertThat(json.get("revision").asInt()).isEqualTo(1);
    assertThat(json.get("capabilities").toString()).isEqualTo("[\"HTTP Server\"]");
    assertThat(json.get("caps").toString()).isEqualTo("[\"wasmcloud:httpserver\"]");
    assertThat(json.get("tags").asText()).isEqualTo("sample");
    assertThat(json.get("call_alias").asText()).isEqualTo("(Not set)");
    assertThat(json.get("hash_matches").asBoolean()).isTrue();
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("success").asBoolean()).isTrue();
  }

  @Test
  void jwtOnlyPrintsTheEmbeddedToken() throws Exception {
    String expected = ModuleClaims.extractJwt(Files.readAllBytes(Path.of(echo()))).orElseThrow();
    CliRun cli = CliRun.in(tmp);

    assertThat(cli.run("claims", "inspect", echo(), "--jwt-only").out().strip())
        .isEqualTo(expected);
    assertThat(
            cli.run("claims", "inspect", echo(), "--jwt-only", "-o", "json")
                .json()
                .get("token")
                .asText())
        .isEqualTo(expected);
  }

  @Test
  void alteredModuleIsAnError() {
    CliRun.Result r =
        CliRun.in(tmp)
            .run(
                "claims",
                "inspect",
                Repo.corpus("echo-hash-mismatch.wasm").toString(),
                "-o",
                "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errorJson().get("error").asText())
        .contains("does not match the signed hash")
        .endsWith("the module was altered after signing");
  }

  @Test
  void forgedSignatureIsAnError() {
    CliRun.Result r =
        CliRun.in(tmp).run("claims", "inspect", Repo.corpus("echo-bad-signature.wasm").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("the claims' signature does not verify against issuer A");
  }

  @Test
  void unsignedModuleSaysHowToSignIt() {
    CliRun.Result r =
        CliRun.in(tmp)
            .run(
                "claims",
                "inspect",
                Repo.root().resolve("actors/wasm-corpus/unsigned/echo-c.wasm").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("it has no claims").contains("trellis claims sign");
  }

  @Test
  void topLevelInspectDetectsModules() {
    CliRun cli = CliRun.in(tmp);

    assertThat(cli.run("inspect", echo(), "-o", "json").json().get("module").asText())
        .startsWith("M");
  }

  @Test
  void topLevelInspectRefusesOtherFiles() throws Exception {
    CliRun cli = CliRun.in(tmp);
    Files.writeString(cli.work().resolve("notes.txt"), "just text");

    CliRun.Result r = cli.run("inspect", "notes.txt");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: failed to inspect notes.txt: it is neither a WebAssembly module nor a provider"
                + " archive (.par, .par.gz)");
  }

  private static String echo() {
    return Repo.corpus("echo-rust.wasm").toString();
  }
}
