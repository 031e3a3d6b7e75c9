package dev.trellis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperationsTest {

  @Test
  void refusesBlankAndDuplicateOperations() {
    Operations operations = new Operations().add("A.B", (context, payload) -> payload);

    assertThatThrownBy(() -> operations.add("A.B", (context, payload) -> payload))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failed to add handler for A.B: it already has one");
    assertThatThrownBy(() -> operations.add(" ", (context, payload) -> payload))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(operations.names()).containsExactly("A.B");
    assertThat(operations.handler("A.C")).isEmpty();
  }
}
