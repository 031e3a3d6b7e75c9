package dev.trellis.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void alignsColumnsAndLeavesTheLastUnpadded() {
    String table =
        Columns.with(Styles.of(false), "ID", "Name", "Labels")
            .row("NABC", "misty-river", "")
            .row("N1", "x", "zone=east")
            .render("none");

    assertThat(table)
        .isEqualTo("ID    Name         Labels\nNABC  misty-river\nN1    x            zone=east");
  }

  @Test
  void saysWhenEmpty() {
    assertThat(Columns.with(Styles.of(false), "A").render("No hosts")).isEqualTo("No hosts");
  }
}
