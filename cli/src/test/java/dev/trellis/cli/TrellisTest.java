package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrellisTest {
  @TempDir Path tmp;

  @Test
  void outputOptionWorksBeforeAndAfterTheSubcommand() {
    CliRun cli = CliRun.in(tmp);
    for (String[] args :
        new String[][] {
          {"-o", "json", "keys", "gen", "module"},
          {"keys", "-o", "json", "gen", "module"},
          {"keys", "gen", "module", "-o", "json"},
          {"keys", "gen", "module", "--output=json"},
          {"keys", "gen", "module", "-ojson"},
          {"keys", "gen", "module", "-o", "JSON"}
        }) {
      CliRun.Result r = cli.run(args);
      assertThat(r.exitCode()).as(r.toString()).isZero();
      JsonNode json = r.json();
      assertThat(json.get("success").asBoolean()).isTrue();
      assertThat(json.get("public_key").asText()).startsWith("M");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void everyCommandHasHelpWithAnExample() {
    List<String> missing = new ArrayList<>();
    CliRun cli = CliRun.in(tmp);
    for (List<String> path : commandPaths(Trellis.commandLine(env()), new ArrayList<>())) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun.Result r = cli.run(args.toArray(String[]::new));
      if (r.exitCode() != 0 || !r.out().contains("Examples:") || !r.out().contains("trellis ")) {
        missing.add(String.join(" ", path) + " -> " + r);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void helpDoesNotUseDashHWhichClaimsSignKeepsForTheHttpClient() {
    CliRun.Result r = CliRun.in(tmp).run("claims", "sign", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("-h, --http_client").contains("--help");
  }

  @Test
  void versionInTextAndJson() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result text = cli.run("--version");
    CliRun.Result json = cli.run("--version", "-o", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("trellis ").doesNotContain("unknown");
    assertThat(json.json().get("version").asText()).isEqualTo(VersionInfo.version());
    assertThat(json.json().get("success").asBoolean()).isTrue();
  }

  @Test
  void unknownFlagIsAUsageErrorWithAHint() {
    CliRun.Result r = CliRun.in(tmp).run("keys", "gen", "module", "--bogus");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("error: Unknown option: '--bogus'")
        .contains("Run 'trellis keys gen --help' for usage.");
  }

  @Test
  void usageErrorInJsonModeHasWashsErrorShape() {
    CliRun.Result r = CliRun.in(tmp).run("-o", "json", "keys", "gen");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    JsonNode error = r.errorJson();
    assertThat(error.get("success").asBoolean()).isFalse();
    assertThat(error.get("error").asText()).contains("Missing required parameter");
    assertThat(error.get("error_chain").isArray()).isTrue();
  }

  @Test
  void misspeltCommandSuggestsTheRightOne() {
    CliRun.Result r = CliRun.in(tmp).run("keys", "lst");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'lst'").contains("did you mean 'list'");
  }

  @Test
  void badOutputFormatIsAUsageError() {
    CliRun.Result r = CliRun.in(tmp).run("keys", "gen", "module", "-o", "yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown output format 'yaml'; expected text or json");
  }

  @Test
  void groupWithoutCommandListsItsCommands() {
    CliRun.Result r = CliRun.in(tmp).run("keys");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("missing command; choose one of: gen, get, list\n");
    assertThat(CliRun.in(tmp).run().err())
        .contains(
            "choose one of: keys, claims, par, inspect, ctx, up, down, get, start, stop, scale,"
                + " update, link, call, completion, demo\n");
    assertThat(r.err()).contains("Usage: trellis keys");
  }

  @Test
  void washCommandsTrellisDoesNotHaveSayWhatToUseInstead() {
    CliRun.Result ctl = CliRun.in(tmp).run("ctl", "get", "hosts");
    CliRun.Result drain = CliRun.in(tmp).run("drain", "all", "-o", "json");

    assertThat(ctl.exitCode()).isEqualTo(1);
    assertThat(ctl.err())
        .contains("'ctl' is a wash command that Trellis does not have")
        .contains("'trellis get hosts'");
    assertThat(drain.exitCode()).isEqualTo(1);
    assertThat(drain.errorJson().get("error").asText()).contains("Trellis keeps no OCI cache");
  }

  @Test
  void completionPrintsABashScriptThatKnowsTheCommands() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result bash = cli.run("completion");
    CliRun.Result alias = cli.run("completions", "zsh", "-o", "json");
    CliRun.Result fish = cli.run("completion", "fish");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .contains("complete -F _complete_trellis")
        .contains("keys")
        .contains("claims")
        .contains("--http_client");
    assertThat(alias.json().get("shell").asText()).isEqualTo("zsh");
    assertThat(alias.json().get("script").asText()).contains("bashcompinit");
    assertThat(fish.exitCode()).isEqualTo(1);
    assertThat(fish.err()).contains("unsupported shell 'fish'");
  }

  @Test
  void coloursOnlyOnATerminalAndNeverInJson() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result plain = cli.run("keys", "gen", "account");
    CliRun.Result colour = cli.terminal(true).run("keys", "gen", "account");
    CliRun.Result json = cli.terminal(true).run("keys", "gen", "account", "-o", "json");

    assertThat(plain.out()).doesNotContain("\u001B[");
    assertThat(colour.out()).contains("\u001B[");
    assertThat(json.out()).doesNotContain("\u001B[");
  }

  @Test
  void verboseShowsTheStackTrace() {
    CliRun cli = CliRun.in(tmp);

    CliRun.Result quiet = cli.run("claims", "inspect", "missing.wasm");
    CliRun.Result verbose = cli.run("claims", "inspect", "missing.wasm", "--verbose");

    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(quiet.err().lines().count()).isLessThanOrEqualTo(2);
    assertThat(verbose.err()).contains("\tat dev.trellis.cli.");
  }

  private CliEnvironment env() {
    return CliEnvironment.capture(
        Map.of(),
        tmp,
        new ByteArrayInputStream(new byte[0]),
        new StringWriter(),
        new StringWriter(),
        Clock.systemUTC());
  }

  private static List<List<String>> commandPaths(CommandLine line, List<String> prefix) {
    List<List<String>> paths = new ArrayList<>();
    paths.add(prefix);
    line.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().aliases().length > 0
                  && List.of(sub.getCommandSpec().aliases()).contains(name)) {
                return;
              }
              List<String> next = new ArrayList<>(prefix);
              next.add(name);
              paths.addAll(commandPaths(sub, next));
            });
    return paths;
  }
}
