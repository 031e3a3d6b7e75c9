package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputRingTest {
  @Test
  void keepsTheLastLinesAndCountsTheDroppedOnes() {
    OutputRing ring = new OutputRing(3);
    for (int i = 1; i <= 5; i++) {
      ring.add("line " + i);
    }

    assertThat(ring.lines()).containsExactly("line 3", "line 4", "line 5");
    assertThat(ring.text()).isEqualTo("(2 earlier lines dropped)\nline 3\nline 4\nline 5\n");
    assertThat(ring.contains("line 4")).isTrue();
    assertThat(ring.contains("line 1")).isFalse();
  }

  @Test
  void textHasNoNoteWhenNothingWasDropped() {
    OutputRing ring = new OutputRing(3);
    ring.add("only");

    assertThat(ring.text()).isEqualTo("only\n");
  }
}
