package dev.trellis.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  Output output(OutputFormat format, boolean terminal) {
    return new Output(format, new PrintWriter(out), new PrintWriter(err), terminal, false);
  }

  @Test
  void jsonSuccessIsOneObjectWithSuccessTrue() {
    int code =
        output(OutputFormat.JSON, false)
            .success(
                CommandResult.builder("ignored")
                    .put("hosts", List.of(Map.of("id", "N1")))
                    .put("count", 1)
                    .put("none", null)
                    .build());

    assertThat(code).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("{\"hosts\":[{\"id\":\"N1\"}],\"count\":1,\"none\":null,\"success\":true}");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void messageUsesWashsResultKey() {
    output(OutputFormat.JSON, false).success(CommandResult.message("done"));

    assertThat(out.toString().strip()).isEqualTo("{\"result\":\"done\",\"success\":true}");
  }

  @Test
  void successIsReserved() {
    assertThatThrownBy(() -> CommandResult.builder("").put("success", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonFailureHasTheChainOfCauses() {
    CliException failure =
        new CliException("failed to start actor MB: timed out", new IOException("no responders"));

    int code = output(OutputFormat.JSON, false).failure(failure);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo(
            "{\"success\":false,\"error\":\"failed to start actor MB: timed out\","
                + "\"error_chain\":[\"failed to start actor MB: timed out\",\"no responders\"]}");
  }

  @Test
  void textFailureIsOnePlainLine() {
    output(OutputFormat.TEXT, false).failure(new CliException("failed to do it: because"));

    assertThat(err.toString()).isEqualTo("error: failed to do it: because\n");
  }

  @Test
  void unexpectedFailuresPointToVerbose() {
    output(OutputFormat.TEXT, false).failure(new IllegalStateException("bug"));

    assertThat(err.toString())
        .isEqualTo(
            "error: IllegalStateException: bug\n"
                + "Run the command again with --verbose to see where it failed.\n");
  }

  @Test
  void bareJdkExceptionsReadAsSentences() {
    assertThat(ErrorReport.of(new NoSuchFileException("/x/y")).message())
        .isEqualTo("no such file or directory: /x/y");
  }

  @Test
  void noticesAndProgressStayOutOfJson() {
    Output json = output(OutputFormat.JSON, false);
    json.notice("generated a key");
    json.warn("careful");
    try (Progress p = json.progress("waiting")) {
      p.update("still waiting");
    }

    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void progressIsOneLinePerUpdateWithoutATerminal() {
    try (Progress p = output(OutputFormat.TEXT, false).progress("waiting for host")) {
      p.update("host up; waiting for actor");
    }

    assertThat(err.toString()).isEqualTo("waiting for host…\nhost up; waiting for actor…\n");
  }

  @Test
  void progressRewritesItsLineOnATerminalAndClearsIt() {
    try (Progress p = output(OutputFormat.TEXT, true).progress("waiting")) {
      p.update("still");
    }

    assertThat(err.toString()).contains("\r\u001B[2K").endsWith("\r\u001B[2K").doesNotContain("\n");
  }

  @Test
  void stylesAreANoOpWithoutColour() {
    assertThat(Styles.of(false).bad("x")).isEqualTo("x");
    assertThat(Styles.of(true).bad("x")).startsWith("\u001B[").contains("x");
    assertThat(Styles.visibleLength(Styles.of(true).bold("abc"))).isEqualTo(3);
  }
}
