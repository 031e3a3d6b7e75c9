package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./trellis} launcher as a user runs it: a real child process, with a temp {@code
 * TRELLIS_HOME}. It runs after {@code package}, so the jar is there and fresh and the launcher goes
 * straight to {@code java -jar}.
 */
class LauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void generatesAKeyAsJson() throws Exception {
    Run r = trellis("keys", "gen", "module", "-o", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("public_key").asText()).startsWith("M");
    assertThat(json.get("seed").asText()).startsWith("SM");
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(r.err()).doesNotContain("error");
  }

  @Test
  void signsAndInspectsAModule() throws Exception {
    Path module = Repo.unsignedCopy("echo-c.wasm", tmp);

    Run sign = trellis("claims", "sign", module.toString(), "-n", "Echo", "-q");
    Run inspect = trellis("inspect", tmp.resolve("echo-c_s.wasm").toString());

    assertThat(sign.code()).as(sign.toString()).isZero();
    assertThat(sign.out()).startsWith("Successfully signed ");
    assertThat(inspect.code()).as(inspect.toString()).isZero();
    assertThat(inspect.out()).startsWith("Echo - Module").contains("HTTP Server");
    assertThat(tmp.resolve("home/keys/tester_account.nk")).exists();
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Run r = trellis("keys", "gen", "module", "--nope");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--nope'").contains("--help");
  }

  private Run trellis(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Repo.root().resolve("trellis").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
    builder.environment().put("TRELLIS_HOME", tmp.resolve("home").toString());
    builder.environment().put("USER", "tester");
    builder.environment().remove("WASH_KEYS");
    builder.environment().remove("WASH_CONTEXTS");
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(110, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./trellis " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {}
}
