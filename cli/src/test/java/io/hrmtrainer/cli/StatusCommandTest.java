package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link StatusCommand#ranges(LedgerState)}: trained chunks of the current epoch as ranges. */
class StatusCommandTest {

  /**
   * Returns a ledger in {@code currentEpoch} with one completion per {@code {epoch, block, chunk}}.
   */
  private static LedgerState ledger(int currentEpoch, int[]... completions) {
    List<CompletedChunk> chunks = new ArrayList<>();
    for (int[] completion : completions) {
      chunks.add(
          new CompletedChunk(
              ChunkPosition.of(completion[1], completion[2]),
              0,
              4,
              4,
              50,
              completion[0],
              Optional.empty()));
    }
    return new LedgerState(
        LedgerState.SCHEMA_VERSION,
        Optional.of("fingerprint"),
        OptionalInt.of(200),
        OptionalInt.of(50),
        OptionalInt.of(3),
        currentEpoch,
        4L * chunks.size(),
        50L * chunks.size(),
        chunks,
        List.of());
  }

  @Test
  void noTrainedChunkIsNone() {
    assertThat(StatusCommand.ranges(ledger(0))).isEqualTo("none");
  }

  @Test
  void singleChunkIsItsId() {
    assertThat(StatusCommand.ranges(ledger(0, new int[] {0, 2, 3}))).isEqualTo("block 2: 3");
  }

  @Test
  void consecutiveChunksJoinIntoRanges() {
    LedgerState state =
        ledger(
            0,
            new int[] {0, 1, 4},
            new int[] {0, 1, 2},
            new int[] {0, 1, 3},
            new int[] {0, 1, 7},
            new int[] {0, 2, 0},
            new int[] {0, 2, 1},
            new int[] {0, 0, 0});

    assertThat(StatusCommand.ranges(state)).isEqualTo("block 0: 0; block 1: 2-4, 7; block 2: 0-1");
  }

  @Test
  void rangesStopAtBlockBoundary() {
    LedgerState state = ledger(0, new int[] {0, 0, 3}, new int[] {0, 1, 0});

    assertThat(StatusCommand.ranges(state)).isEqualTo("block 0: 3; block 1: 0");
  }

  @Test
  void chunkTrainedTwiceCountsOnce() {
    LedgerState state = ledger(0, new int[] {0, 1, 1}, new int[] {0, 1, 2}, new int[] {0, 1, 1});

    assertThat(StatusCommand.ranges(state)).isEqualTo("block 1: 1-2");
  }

  @Test
  void onlyTheCurrentEpochCounts() {
    LedgerState state =
        ledger(
            1, new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {1, 0, 1}, new int[] {0, 2, 2});

    assertThat(StatusCommand.ranges(state)).isEqualTo("block 0: 1");
  }
}
