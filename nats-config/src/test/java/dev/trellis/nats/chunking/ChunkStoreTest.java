package dev.trellis.nats.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkStoreTest {

  @Test
  void chunksOnlyPayloadsStrictlyLongerThan900KiB() {
    assertThat(ChunkStore.THRESHOLD_BYTES).isEqualTo(921_600);
    assertThat(ChunkStore.needsChunking(0)).isFalse();
    assertThat(ChunkStore.needsChunking(921_600)).isFalse();
    assertThat(ChunkStore.needsChunking(921_601)).isTrue();
  }
}
