package io.hrmtrainer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight workers claim and complete 100,000 chunks while leases expire under them, and every chunk
 * must end up recorded exactly once.
 */
class ChunkTrackerStressTest {

  private static final int WORKERS = 8;
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final long RUN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(40);

  private final FixedLayout layout = FixedLayout.grid(100, 1000);
  private final ManualTicker ticker = new ManualTicker();
  private final ChunkTracker tracker =
      ChunkTracker.builder(layout).optLeaseDuration(LEASE).optTicker(ticker).build();
  private final AtomicIntegerArray recordedPerChunk = new AtomicIntegerArray(100_000);
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong released = new AtomicLong();
  private final AtomicLong stalls = new AtomicLong();
  private final AtomicLong violations = new AtomicLong();
  private final AtomicLong recordedSamples = new AtomicLong();

  @Test
  @Timeout(90)
  void everyChunkRecordedExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    long deadline = System.nanoTime() + RUN_LIMIT_NANOS;

    List<Future<?>> workers = new ArrayList<>();
    for (int worker = 0; worker < WORKERS; worker++) {
      int workerId = worker;
      workers.add(pool.submit(() -> work(workerId, new SplittableRandom(workerId), deadline)));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();

    assertThat(tracker.isEpochComplete(ChunkPosition.ORIGIN)).isTrue();
    assertThat(violations.get()).as("completions accepted after a failed renewal").isZero();
    for (int i = 0; i < recordedPerChunk.length(); i++) {
      assertThat(recordedPerChunk.get(i)).as("recordings of chunk index %d", i).isEqualTo(1);
    }
    List<CompletedChunk> completed = tracker.snapshotTrained().completedChunks();
    Set<ChunkPosition> distinct =
        completed.stream().map(CompletedChunk::position).collect(Collectors.toSet());
    assertThat(completed).hasSize(100_000);
    assertThat(distinct).hasSize(100_000);
    assertThat(tracker.totalSamples()).isEqualTo(recordedSamples.get());
    assertThat(tracker.activeClaims()).isEmpty();
    // Leases did expire, and chunks were taken over and released during the run.
    assertThat(stalls.get()).isPositive();
    assertThat(rejected.get()).isPositive();
    assertThat(released.get()).isPositive();
  }

  private void work(int workerId, SplittableRandom random, long deadline) {
    long step = 0;
    while (!tracker.isEpochComplete(ChunkPosition.ORIGIN) && System.nanoTime() < deadline) {
      Optional<ChunkClaim> claim = tracker.claim(workerId, ChunkPosition.ORIGIN, ClaimMode.RESPECT);
      if (claim.isEmpty()) {
        Thread.yield();
        continue;
      }
      step++;
      trainOne(claim.get(), random, step);
    }
  }

  private void trainOne(ChunkClaim claim, SplittableRandom random, long step) {
    int roll = random.nextInt(1000);
    if (roll < 5) {
      stallPastTheLease(claim);
    } else if (roll < 10) {
      tracker.release(claim);
      released.incrementAndGet();
      return;
    } else if (roll < 300) {
      LockSupport.parkNanos(random.nextInt(20_000));
    }

    boolean owned = tracker.renew(claim);
    long samples = 1 + random.nextInt(10);
    CompletionOutcome outcome = tracker.markTrained(claim, step, 1, samples);
    count(claim, owned, outcome, samples);
    if (outcome.isRecorded() && tracker.markTrained(claim, step, 1, samples).isRecorded()) {
      violations.incrementAndGet();
    }
  }

  /** Lets every current lease expire, then waits a little for another worker to take this one. */
  private void stallPastTheLease(ChunkClaim claim) {
    stalls.incrementAndGet();
    ticker.advance(LEASE.plusSeconds(1));
    long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    while (tracker.isOwned(claim) && System.nanoTime() < waitUntil) {
      Thread.yield();
    }
  }

  private void count(ChunkClaim claim, boolean owned, CompletionOutcome outcome, long samples) {
    if (outcome == CompletionOutcome.REJECTED) {
      rejected.incrementAndGet();
      return;
    }
    if (!owned) {
      violations.incrementAndGet();
    }
    if (outcome.isRecorded()) {
      recordedPerChunk.incrementAndGet((int) layout.chunksBefore(claim.position()));
      recordedSamples.addAndGet(samples);
    }
  }
}
