package io.hrmtrainer.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.ChunkPosition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LedgerStateTest {

  private final LedgerState ledger = LedgerState.empty("sha256:aaa", 100_000, 4_000, 12);

  @Test
  void sameDatasetLedgerIsCompatible() {
    assertThatCode(() -> ledger.checkCompatible("sha256:aaa", 100_000, 4_000))
        .doesNotThrowAnyException();
  }

  @Test
  void otherDatasetIsRejected() {
    assertThatThrownBy(() -> ledger.checkCompatible("sha256:bbb", 50_000, 4_000))
        .isInstanceOf(IncompatibleLedgerException.class)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            String.format(
                "the chunk ledger was written for a different dataset or chunking:%n"
                    + "  dataset_fingerprint: ledger sha256:aaa, current dataset sha256:bbb%n"
                    + "  samples_per_block: ledger 100000, current dataset 50000%n"
                    + "Use --force-train to train every chunk from the start position again, or"
                    + " start a new run (without --resume) to begin a fresh ledger."));
  }

  @Test
  void changedChunkSizeIsRejected() {
    assertThatThrownBy(() -> ledger.checkCompatible("sha256:aaa", 100_000, 2_000))
        .isInstanceOfSatisfying(
            IncompatibleLedgerException.class,
            e ->
                assertThat(e.mismatches())
                    .containsExactly("dataset_chunk_size: ledger 4000, current dataset 2000"));
  }

  @Test
  void olderFileWithoutDatasetFieldsPasses() {
    LedgerState old =
        new LedgerState(
            0,
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            0,
            0,
            0,
            List.of(),
            List.of());

    assertThatCode(() -> old.checkCompatible("sha256:new", 10, 2)).doesNotThrowAnyException();
  }

  @Test
  void currentEpochCompletionsLeaveEarlierEpochsOut() {
    CompletedChunk early = new CompletedChunk(ChunkPosition.of(0, 0), 0, 1, 1, 1, 0, Optional.empty());
    CompletedChunk late = new CompletedChunk(ChunkPosition.of(0, 1), 0, 2, 1, 1, 1, Optional.empty());
    LedgerState state =
        new LedgerState(
            1, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), 1,
            2, 2, List.of(early, late), List.of());

    assertThat(state.completedInCurrentEpoch()).containsExactly(late);
  }
}
