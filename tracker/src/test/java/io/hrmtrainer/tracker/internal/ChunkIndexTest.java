package io.hrmtrainer.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.FixedLayout;
import org.junit.jupiter.api.Test;

class ChunkIndexTest {

  // 25 samples in blocks of 10 and chunks of 4: the blocks have 3, 3 and 2 chunks.
  private final ChunkIndex index = ChunkIndex.of(new FixedLayout(25, 10, 4));

  @Test
  void countsChunksOfUnevenBlocks() {
    assertThat(index.totalBlocks()).isEqualTo(3);
    assertThat(index.totalChunks()).isEqualTo(8);
    assertThat(index.chunksInBlock(2)).isEqualTo(2);
  }

  @Test
  void mapsPositionsToIndexesAndBack() {
    for (int i = 0; i < index.totalChunks(); i++) {
      ChunkPosition position = index.positionOf(i);

      assertThat(index.indexOf(position)).isEqualTo(i);
    }
    assertThat(index.positionOf(3)).isEqualTo(ChunkPosition.of(1, 0));
    assertThat(index.positionOf(7)).isEqualTo(ChunkPosition.of(2, 1));
  }

  @Test
  void boundPastBlockEndMovesOn() {
    assertThat(index.firstIndexAtOrAfter(ChunkPosition.of(0, 5))).isEqualTo(3);
    assertThat(index.firstIndexAtOrAfter(ChunkPosition.of(9, 0))).isEqualTo(8);
    assertThat(index.firstIndexAtOrAfter(ChunkPosition.of(1, 2))).isEqualTo(5);
  }

  @Test
  void positionOutsideLayoutHasNoIndex() {
    assertThatThrownBy(() -> index.indexOf(ChunkPosition.of(2, 2)))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("chunk (2, 2) is not in the dataset layout of 3 blocks");
  }
}
