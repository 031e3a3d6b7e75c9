package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every suite runs end to end with tiny counts against a real nats-server and produces its lines.
 * Figures from such a run mean nothing and are not checked; {@code bench/run} measures.
 */
class BenchSmokeIT {

  @Test
  void everySuiteProducesItsLines() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Result> results =
        Bench.run(
            List.copyOf(Bench.SUITES.keySet()),
            Settings.smoke(),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    Set<String> suites = results.stream().map(Result::suite).collect(Collectors.toSet());
    assertThat(suites).containsExactlyInAnyOrderElementsOf(Bench.SUITES.keySet());
    assertThat(results).allSatisfy(r -> assertThat(r.value()).isPositive());
    assertThat(results).allSatisfy(r -> assertThat(r.errors()).isZero());
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("| suite ")
        .contains("raw jnats request/reply")
        .contains("heap per actor");
  }
}
