package io.hrmtrainer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.InProgressChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChunkTrackerTest {

  private static final ChunkPosition ORIGIN = ChunkPosition.ORIGIN;
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final FixedLayout layout = FixedLayout.grid(3, 4);
  private final ManualTicker ticker = new ManualTicker();
  private final List<ChunkPosition> skipped = new CopyOnWriteArrayList<>();

  private ChunkTracker newTracker() {
    return trackerBuilder().build();
  }

  private ChunkTracker.Builder trackerBuilder() {
    return ChunkTracker.builder(layout)
        .optDatasetFingerprint("fp-1")
        .optLeaseDuration(LEASE)
        .optTicker(ticker)
        .optSkipListener((position, epoch) -> skipped.add(position));
  }

  private static ChunkPosition pos(int block, int chunk) {
    return ChunkPosition.of(block, chunk);
  }

  private static ChunkClaim claimOrFail(ChunkTracker tracker, ChunkPosition lower, ClaimMode mode) {
    return tracker.claim(0, lower, mode).orElseThrow();
  }

  /** Claims and completes every chunk from {@code lower} on, returning them in claim order. */
  private static List<ChunkPosition> trainAll(
      ChunkTracker tracker, ChunkPosition lower, ClaimMode mode) {

    List<ChunkPosition> trained = new ArrayList<>();
    Optional<ChunkClaim> claim = tracker.claim(0, lower, mode);
    while (claim.isPresent()) {
      tracker.markTrained(claim.get(), trained.size() + 1, 1, 10);
      trained.add(claim.get().position());
      claim = tracker.claim(0, lower, mode);
    }
    return trained;
  }

  /** A ledger of this layout whose current epoch 0 contains the given chunks, as a resume loads it. */
  private static LedgerState ledgerWithTrained(ChunkPosition... positions) {
    List<CompletedChunk> completed = new ArrayList<>();
    for (ChunkPosition position : positions) {
      completed.add(new CompletedChunk(position, 0, 1, 1, 10, 0, Optional.empty()));
    }
    return new LedgerState(
        LedgerState.SCHEMA_VERSION,
        Optional.of("fp-1"),
        OptionalInt.of(40),
        OptionalInt.of(10),
        OptionalInt.of(3),
        0,
        positions.length,
        positions.length * 10L,
        completed,
        List.of(new InProgressChunk(pos(2, 3), 5)));
  }

  @Nested
  class ClaimOrder {

    @Test
    void claimsChunksInPositionOrder() {
      ChunkTracker tracker = newTracker();

      List<ChunkPosition> claimed = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        claimed.add(claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT).position());
      }

      assertThat(claimed)
          .containsExactly(pos(0, 0), pos(0, 1), pos(0, 2), pos(0, 3), pos(1, 0), pos(1, 1));
    }

    @Test
    void neverClaimsBeforeTheLowerBound() {
      ChunkTracker tracker = newTracker();

      List<ChunkPosition> trained = trainAll(tracker, pos(1, 2), ClaimMode.RESPECT);

      assertThat(trained)
          .containsExactly(pos(1, 2), pos(1, 3), pos(2, 0), pos(2, 1), pos(2, 2), pos(2, 3));
      assertThat(tracker.chunkState(pos(1, 1))).isEqualTo(ChunkState.PENDING);
      assertThat(tracker.countBefore(pos(1, 2))).isEqualTo(6);
    }

    @Test
    void liveLeaseIsNeverHandedOutTwice() {
      ChunkTracker tracker = newTracker();
      ChunkClaim first = tracker.claim(0, pos(2, 3), ClaimMode.RESPECT).orElseThrow();

      Optional<ChunkClaim> second = tracker.claim(1, pos(2, 3), ClaimMode.RESPECT);

      assertThat(first.position()).isEqualTo(pos(2, 3));
      assertThat(second).isEmpty();
    }

    @Test
    void lowerBoundPastEndClaimsNothing() {
      ChunkTracker tracker = newTracker();

      assertThat(tracker.claim(0, pos(3, 0), ClaimMode.FORCE)).isEmpty();
    }
  }

  @Nested
  class RespectMode {

    @Test
    void skipsTrainedChunksReportingEachOnce() {
      ChunkTracker tracker =
          trackerBuilder().optLedger(ledgerWithTrained(pos(0, 1), pos(0, 2), pos(1, 0))).build();

      ChunkClaim first = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);
      ChunkClaim second = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);
      ChunkClaim third = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);

      assertThat(List.of(first.position(), second.position(), third.position()))
          .containsExactly(pos(0, 0), pos(0, 3), pos(1, 1));
      assertThat(skipped).containsExactly(pos(0, 1), pos(0, 2), pos(1, 0));
    }

    @Test
    void ignoresSkipsBelowLowerBound() {
      ChunkTracker tracker =
          trackerBuilder().optLedger(ledgerWithTrained(pos(0, 1), pos(1, 1))).build();

      trainAll(tracker, pos(1, 0), ClaimMode.RESPECT);

      assertThat(skipped).containsExactly(pos(1, 1));
    }

    @Test
    void reportsSkipsWhenNothingIsLeft() {
      ChunkTracker tracker = trackerBuilder().optLedger(ledgerWithTrained(pos(2, 3))).build();

      Optional<ChunkClaim> claim = tracker.claim(0, pos(2, 3), ClaimMode.RESPECT);

      assertThat(claim).isEmpty();
      assertThat(skipped).containsExactly(pos(2, 3));
    }
  }

  @Nested
  class ForceMode {

    @Test
    void retrainsEachChunkOnce() {
      ChunkTracker tracker =
          trackerBuilder().optLedger(ledgerWithTrained(pos(0, 3), pos(1, 0), pos(2, 2))).build();

      List<ChunkPosition> trained = trainAll(tracker, pos(1, 0), ClaimMode.FORCE);

      assertThat(trained)
          .containsExactly(
              pos(1, 0), pos(1, 1), pos(1, 2), pos(1, 3), pos(2, 0), pos(2, 1), pos(2, 2),
              pos(2, 3));
      assertThat(skipped).isEmpty();
      assertThat(tracker.isEpochComplete(pos(1, 0), ClaimMode.FORCE)).isTrue();
    }

    @Test
    void recordsForcedChunksAgain() {
      ChunkTracker tracker = trackerBuilder().optLedger(ledgerWithTrained(pos(2, 3))).build();

      trainAll(tracker, pos(2, 3), ClaimMode.FORCE);

      assertThat(tracker.snapshotTrained().completedChunks())
          .extracting(CompletedChunk::position)
          .containsExactly(pos(2, 3), pos(2, 3));
      assertThat(tracker.totalSamples()).isEqualTo(20);
    }
  }

  @Nested
  class Leases {

    @Test
    void expiredLeaseMovesToAnotherWorker() {
      ChunkTracker tracker = newTracker();
      ChunkClaim stale = tracker.claim(0, pos(2, 3), ClaimMode.RESPECT).orElseThrow();
      ticker.advance(LEASE.plusSeconds(1));

      ChunkClaim taken = tracker.claim(1, pos(2, 3), ClaimMode.RESPECT).orElseThrow();

      assertThat(taken.position()).isEqualTo(pos(2, 3));
      assertThat(taken.workerId()).isEqualTo(1);
      assertThat(tracker.renew(stale)).isFalse();
      assertThat(tracker.markTrained(stale, 5, 2, 10)).isEqualTo(CompletionOutcome.REJECTED);
      assertThat(tracker.markTrained(taken, 7, 2, 10)).isEqualTo(CompletionOutcome.RECORDED);
      assertThat(tracker.snapshotTrained().completedChunks())
          .singleElement()
          .satisfies(chunk -> assertThat(chunk.gpuId()).isEqualTo(1));
    }

    @Test
    void expiredLeaseIsClaimedFirst() {
      ChunkTracker tracker = newTracker();
      claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);
      ticker.advance(LEASE);

      ChunkClaim next = tracker.claim(1, ORIGIN, ClaimMode.RESPECT).orElseThrow();

      assertThat(next.position()).isEqualTo(pos(0, 0));
    }

    @Test
    void renewalKeepsChunkPastExpiry() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = tracker.claim(0, pos(2, 3), ClaimMode.RESPECT).orElseThrow();

      for (int i = 0; i < 5; i++) {
        ticker.advance(LEASE.minusSeconds(1));
        assertThat(tracker.renew(claim)).isTrue();
      }

      assertThat(tracker.claim(1, pos(2, 3), ClaimMode.RESPECT)).isEmpty();
      assertThat(tracker.markTrained(claim, 1, 1, 10)).isEqualTo(CompletionOutcome.RECORDED);
    }

    @Test
    void lateCompletionWithoutTakeoverIsRecorded() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);
      ticker.advance(LEASE.multipliedBy(3));

      CompletionOutcome outcome = tracker.markTrained(claim, 1, 1, 10);

      assertThat(outcome).isEqualTo(CompletionOutcome.RECORDED);
    }
  }

  @Nested
  class Completion {

    @Test
    void secondCompletionCountsNothing() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);

      CompletionOutcome first = tracker.markTrained(claim, 3, 3, 30);
      CompletionOutcome second = tracker.markTrained(claim, 3, 3, 30);

      assertThat(first).isEqualTo(CompletionOutcome.RECORDED);
      assertThat(second).isEqualTo(CompletionOutcome.ALREADY_RECORDED);
      assertThat(tracker.totalSamples()).isEqualTo(30);
      assertThat(tracker.totalSteps()).isEqualTo(3);
      assertThat(tracker.snapshotTrained().completedChunks()).hasSize(1);
    }

    @Test
    void recordsStepsSamplesWorkerAndEpoch() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = tracker.claim(4, pos(1, 2), ClaimMode.RESPECT).orElseThrow();

      tracker.markTrained(claim, 120, 7, 64);

      CompletedChunk chunk = tracker.snapshotTrained().completedChunks().get(0);
      assertThat(chunk.position()).isEqualTo(pos(1, 2));
      assertThat(chunk.gpuId()).isEqualTo(4);
      assertThat(chunk.optimizerStep()).isEqualTo(120);
      assertThat(chunk.steps()).isEqualTo(7);
      assertThat(chunk.samples()).isEqualTo(64);
      assertThat(chunk.epoch()).isZero();
      assertThat(chunk.completedAt()).isPresent();
      assertThat(tracker.chunkState(pos(1, 2))).isEqualTo(ChunkState.TRAINED);
    }

    @Test
    void releasedChunkIsNeverRecorded() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);

      boolean released = tracker.release(claim);

      assertThat(released).isTrue();
      assertThat(tracker.markTrained(claim, 1, 1, 10)).isEqualTo(CompletionOutcome.REJECTED);
      assertThat(tracker.chunkState(ORIGIN)).isEqualTo(ChunkState.PENDING);
      assertThat(tracker.totalSamples()).isZero();
      assertThat(claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT).position()).isEqualTo(ORIGIN);
    }

    @Test
    void releasingWorkerFreesOnlyItsClaims() {
      ChunkTracker tracker = newTracker();
      tracker.claim(0, ORIGIN, ClaimMode.RESPECT);
      tracker.claim(1, ORIGIN, ClaimMode.RESPECT);
      tracker.claim(0, ORIGIN, ClaimMode.RESPECT);

      int released = tracker.releaseClaimsOf(0);

      assertThat(released).isEqualTo(2);
      assertThat(tracker.activeClaims())
          .singleElement()
          .satisfies(claim -> assertThat(claim.position()).isEqualTo(pos(0, 1)));
      assertThat(tracker.releaseAll()).isEqualTo(1);
      assertThat(tracker.activeClaims()).isEmpty();
    }

    @Test
    void negativeCountsAreRejected() {
      ChunkTracker tracker = newTracker();
      ChunkClaim claim = claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT);

      assertThatThrownBy(() -> tracker.markTrained(claim, 1, -2, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "completion of chunk (0, 0) has a negative count: optimizer_step=1, steps=-2,"
                  + " samples=10; all must be >= 0");
    }
  }

  @Nested
  class Epochs {

    @Test
    void epochCompletesAtTheLastChunk() {
      ChunkTracker tracker = newTracker();

      trainAll(tracker, pos(2, 0), ClaimMode.RESPECT);

      assertThat(tracker.isEpochComplete(pos(2, 0))).isTrue();
      assertThat(tracker.isEpochComplete(pos(1, 3))).isFalse();
    }

    @Test
    void nextEpochStartsEmptyAndKeepsHistory() {
      ChunkTracker tracker = newTracker();
      trainAll(tracker, pos(2, 2), ClaimMode.RESPECT);

      int epoch = tracker.startNextEpoch();
      List<ChunkPosition> trainedAgain = trainAll(tracker, pos(2, 2), ClaimMode.RESPECT);

      assertThat(epoch).isEqualTo(1);
      assertThat(trainedAgain).containsExactly(pos(2, 2), pos(2, 3));
      assertThat(skipped).isEmpty();
      assertThat(tracker.snapshotTrained().completedChunks())
          .extracting(CompletedChunk::epoch)
          .containsExactly(0, 0, 1, 1);
    }

    @Test
    void nextEpochWaitsForOutstandingClaims() {
      ChunkTracker tracker = newTracker();
      tracker.claim(2, pos(2, 3), ClaimMode.RESPECT);

      assertThatThrownBy(tracker::startNextEpoch)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot start epoch 1: 1 chunks are still claimed");
    }
  }

  @Nested
  class CommitsAndLoading {

    @Test
    void commitCoversOnlyTheSnapshot() {
      ChunkTracker tracker = newTracker();
      tracker.markTrained(claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT), 1, 1, 10);
      LedgerState written = tracker.snapshotTrained();
      tracker.markTrained(claimOrFail(tracker, ORIGIN, ClaimMode.RESPECT), 2, 1, 10);

      int committed = tracker.markCommitted(written);

      assertThat(committed).isEqualTo(1);
      assertThat(tracker.chunkState(pos(0, 0))).isEqualTo(ChunkState.COMMITTED);
      assertThat(tracker.chunkState(pos(0, 1))).isEqualTo(ChunkState.TRAINED);
      assertThat(tracker.snapshotCommitted()).isEqualTo(written);
      assertThat(tracker.markCommitted()).isEqualTo(1);
    }

    @Test
    void loadedLedgerKeepsTotalsFreesClaims() {
      LedgerState loaded = ledgerWithTrained(pos(0, 0), pos(2, 3));

      ChunkTracker tracker = trackerBuilder().optLedger(loaded).build();

      assertThat(tracker.chunkState(pos(0, 0))).isEqualTo(ChunkState.COMMITTED);
      assertThat(tracker.chunkState(pos(2, 3))).isEqualTo(ChunkState.COMMITTED);
      assertThat(tracker.activeClaims()).isEmpty();
      assertThat(tracker.totalSamples()).isEqualTo(20);
      assertThat(tracker.countTrainedAtOrAfter(pos(1, 0))).isEqualTo(1);
      assertThat(tracker.snapshotCommitted().inProgressChunks()).isEmpty();
      assertThat(tracker.snapshotCommitted().completedChunks()).hasSize(2);
    }

    @Test
    void ledgerOutsideTheLayoutIsRejected() {
      LedgerState loaded = ledgerWithTrained(pos(7, 0));

      assertThatThrownBy(() -> trackerBuilder().optLedger(loaded).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "the chunk ledger records chunk (7, 0) as trained in epoch 0, but the dataset has no"
                  + " such chunk (3 blocks); the ledger belongs to another dataset layout. Start a"
                  + " new run to begin a fresh ledger.");
    }

    @Test
    void snapshotContainsDatasetAndClaims() {
      ChunkTracker tracker = newTracker();
      tracker.claim(3, pos(1, 1), ClaimMode.RESPECT);

      LedgerState snapshot = tracker.snapshotTrained();

      assertThat(snapshot.datasetFingerprint()).contains("fp-1");
      assertThat(snapshot.samplesPerBlock()).hasValue(40);
      assertThat(snapshot.datasetChunkSize()).hasValue(10);
      assertThat(snapshot.totalBlocksInDataset()).hasValue(3);
      assertThat(snapshot.inProgressChunks()).containsExactly(new InProgressChunk(pos(1, 1), 3));
    }
  }
}
