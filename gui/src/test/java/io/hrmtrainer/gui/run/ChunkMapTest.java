package io.hrmtrainer.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.dataset.UniformLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.position.StartPosition;
import io.hrmtrainer.gui.run.ChunkMap.CellState;
import org.junit.jupiter.api.Test;

class ChunkMapTest {

  /** 550 samples, 200 per block, 50 per chunk: blocks of 4, 4 and 3 chunks. */
  private final UniformLayout layout = UniformLayout.of(550, 200, 50);

  @Test
  void chunksBeforeStartAreBelowStart() {
    ChunkMap map = ChunkMap.of(layout, new StartPosition(1, 2));

    assertThat(map.blocks()).isEqualTo(3);
    assertThat(map.chunksInBlock(2)).isEqualTo(3);
    assertThat(map.count(CellState.BELOW_START)).isEqualTo(6);
    assertThat(map.count(CellState.PENDING)).isEqualTo(5);
    assertThat(map.state(1, 1)).isEqualTo(CellState.BELOW_START);
    assertThat(map.state(1, 2)).isEqualTo(CellState.PENDING);
  }

  @Test
  void claimsTrainingAndSkipsMoveChunks() {
    ChunkMap map = ChunkMap.of(layout, StartPosition.FIRST_CHUNK);

    map.markSkipped(new ChunkPosition(0, 0));
    map.markClaimed(new ChunkPosition(0, 1), 1);
    map.markClaimed(new ChunkPosition(0, 2), 0);
    map.markTrained(new ChunkPosition(0, 2), 0);

    assertThat(map.state(0, 0)).isEqualTo(CellState.SKIPPED);
    assertThat(map.state(0, 1)).isEqualTo(CellState.CLAIMED);
    assertThat(map.worker(0, 1)).hasValue(1);
    assertThat(map.state(0, 2)).isEqualTo(CellState.TRAINED);
    assertThat(map.worker(0, 0)).isEmpty();
  }

  @Test
  void newEpochResetsChunksFromStart() {
    ChunkMap map = ChunkMap.of(layout, new StartPosition(0, 2));
    map.markTrained(new ChunkPosition(0, 2), 0);

    map.startEpoch();

    assertThat(map.state(0, 2)).isEqualTo(CellState.PENDING);
    assertThat(map.state(0, 1)).isEqualTo(CellState.BELOW_START);
  }

  @Test
  void positionsOutsideTheLayoutAreIgnored() {
    ChunkMap map = ChunkMap.of(layout, StartPosition.FIRST_CHUNK);

    map.markTrained(new ChunkPosition(2, 3), 0);

    assertThat(map.count(CellState.TRAINED)).isZero();
  }
}
