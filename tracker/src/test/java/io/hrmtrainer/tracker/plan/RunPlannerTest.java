package io.hrmtrainer.tracker.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ChunkClaim;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.ClaimMode;
import io.hrmtrainer.tracker.FixedLayout;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

  // 4 blocks of 5 chunks: 20 chunks.
  private final FixedLayout layout = FixedLayout.grid(4, 5);
  private final RunPlanner planner = new RunPlanner();

  private static ChunkPosition pos(int block, int chunk) {
    return ChunkPosition.of(block, chunk);
  }

  /** A ledger whose current epoch {@code epoch} contains {@code trained}, plus one older entry. */
  private static LedgerState ledger(int epoch, ChunkPosition... trained) {
    List<CompletedChunk> completed = new ArrayList<>();
    if (epoch > 0) {
      completed.add(new CompletedChunk(pos(3, 4), 0, 1, 1, 10, epoch - 1, Optional.empty()));
    }
    for (ChunkPosition position : trained) {
      completed.add(new CompletedChunk(position, 0, 1, 1, 10, epoch, Optional.empty()));
    }
    return new LedgerState(
        LedgerState.SCHEMA_VERSION, Optional.of("fp"), OptionalInt.of(50), OptionalInt.of(10),
        OptionalInt.of(4), epoch, completed.size(), completed.size() * 10L, completed, List.of());
  }

  @Nested
  class NewRun {

    @Test
    void countsEveryChunkFromTheStart() {
      RunPlan plan = planner.plan(PlanRequest.newRun(layout, pos(1, 2)));

      assertThat(plan.totalBlocks()).isEqualTo(4);
      assertThat(plan.totalChunks()).isEqualTo(20);
      assertThat(plan.chunksBelowStart()).isEqualTo(7);
      assertThat(plan.chunksAlreadyTrained()).isZero();
      assertThat(plan.chunksToTrain()).isEqualTo(13);
      assertThat(plan.firstChunk()).contains(pos(1, 2));
      assertThat(plan.hasConflict()).isFalse();
      assertThat(plan.isNothingToTrain()).isFalse();
      assertThat(plan.epoch()).isZero();
    }

    @Test
    void givesWorkersChunksInOrder() {
      RunPlan plan = planner.plan(PlanRequest.newRun(layout, pos(1, 3)).withWorkers(3));

      assertThat(plan.firstChunkPerWorker()).containsExactly(pos(1, 3), pos(1, 4), pos(2, 0));
    }

    @Test
    void maxChunksCapsTheChunks() {
      RunPlan plan =
          planner.plan(PlanRequest.newRun(layout, pos(0, 0)).withWorkers(4).withMaxChunks(2));

      assertThat(plan.chunksClaimable()).isEqualTo(20);
      assertThat(plan.chunksToTrain()).isEqualTo(2);
      assertThat(plan.firstChunkPerWorker()).containsExactly(pos(0, 0), pos(0, 1));
    }
  }

  @Nested
  class ResumeWithConflict {

    private final LedgerState ledger = ledger(1, pos(0, 0), pos(1, 2), pos(1, 3), pos(2, 0));
    private final PlanRequest respect =
        PlanRequest.newRun(layout, pos(1, 2)).withLedger(ledger).withWorkers(2);

    @Test
    void respectSkipsTheTrainedChunks() {
      RunPlan plan = planner.plan(respect);

      assertThat(plan.epoch()).isEqualTo(1);
      assertThat(plan.chunksBelowStart()).isEqualTo(7);
      assertThat(plan.chunksAlreadyTrained()).isEqualTo(3);
      assertThat(plan.chunksToTrain()).isEqualTo(10);
      assertThat(plan.hasConflict()).isTrue();
      assertThat(plan.conflictCount()).isEqualTo(3);
      assertThat(plan.conflictSample()).containsExactly(pos(1, 2), pos(1, 3), pos(2, 0));
      assertThat(plan.firstChunkPerWorker()).containsExactly(pos(1, 4), pos(2, 1));
    }

    @Test
    void forceTrainsEveryChunk() {
      RunPlan plan = planner.plan(respect.withForce(true));

      assertThat(plan.chunksAlreadyTrained()).isEqualTo(3);
      assertThat(plan.chunksToTrain()).isEqualTo(13);
      assertThat(plan.hasConflict()).isTrue();
      assertThat(plan.firstChunkPerWorker()).containsExactly(pos(1, 2), pos(1, 3));
    }

    @Test
    void earlierEpochsDoNotConflict() {
      RunPlan plan = planner.plan(PlanRequest.newRun(layout, pos(3, 4)).withLedger(ledger));

      assertThat(plan.hasConflict()).isFalse();
      assertThat(plan.firstChunk()).contains(pos(3, 4));
    }

    @Test
    void plannedFirstChunksMatchTheTracker() {
      RunPlan plan = planner.plan(respect);
      ChunkTracker tracker = ChunkTracker.builder(layout).optLedger(ledger).build();

      ChunkClaim first = tracker.claim(0, pos(1, 2), ClaimMode.RESPECT).orElseThrow();
      ChunkClaim second = tracker.claim(1, pos(1, 2), ClaimMode.RESPECT).orElseThrow();

      assertThat(plan.firstChunkPerWorker()).containsExactly(first.position(), second.position());
    }
  }

  @Nested
  class NothingToTrain {

    private final LedgerState ledger = ledger(0, pos(3, 2), pos(3, 3), pos(3, 4));

    @Test
    void respectFindsNothingToTrain() {
      RunPlan plan = planner.plan(PlanRequest.newRun(layout, pos(3, 2)).withLedger(ledger));

      assertThat(plan.isNothingToTrain()).isTrue();
      assertThat(plan.chunksToTrain()).isZero();
      assertThat(plan.firstChunk()).isEmpty();
      assertThat(plan.firstChunkPerWorker()).isEmpty();
    }

    @Test
    void forceWithEverythingTrainedStillTrains() {
      RunPlan plan =
          planner.plan(PlanRequest.newRun(layout, pos(3, 2)).withLedger(ledger).withForce(true));

      assertThat(plan.isNothingToTrain()).isFalse();
      assertThat(plan.chunksToTrain()).isEqualTo(3);
      assertThat(plan.firstChunk()).contains(pos(3, 2));
    }
  }

  @Test
  void millionChunkLayoutPlansQuickly() {
    FixedLayout big = FixedLayout.grid(1000, 1000);
    List<CompletedChunk> completed = new ArrayList<>();
    for (int block = 0; block < 1000; block += 2) {
      for (int chunk = 0; chunk < 1000; chunk++) {
        completed.add(new CompletedChunk(pos(block, chunk), 0, 1, 1, 10, 0, Optional.empty()));
      }
    }
    LedgerState halfTrained =
        new LedgerState(
            LedgerState.SCHEMA_VERSION, Optional.of("fp"), OptionalInt.of(10_000),
            OptionalInt.of(10), OptionalInt.of(1000), 0, completed.size(), completed.size() * 10L,
            completed, List.of());
    PlanRequest request =
        new PlanRequest(
            big, pos(10, 500), false, Optional.of(halfTrained), 8, OptionalInt.empty());

    RunPlan plan = planner.plan(request);

    assertThat(plan.totalChunks()).isEqualTo(1_000_000);
    assertThat(plan.chunksBelowStart()).isEqualTo(10_500);
    // Even blocks are trained: half of block 10, then blocks 12 to 998.
    assertThat(plan.chunksAlreadyTrained()).isEqualTo(494_500);
    assertThat(plan.chunksToTrain()).isEqualTo(495_000);
    assertThat(plan.firstChunkPerWorker()).hasSize(8).startsWith(pos(11, 0), pos(11, 1));
    assertThat(plan.conflictSample()).hasSize(RunPlanner.CONFLICT_SAMPLE_LIMIT).first()
        .isEqualTo(pos(10, 500));
  }
}
