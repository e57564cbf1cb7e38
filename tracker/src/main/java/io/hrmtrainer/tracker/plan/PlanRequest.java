package io.hrmtrainer.tracker.plan;

import io.hrmtrainer.core.dataset.DatasetLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The input of {@link RunPlanner#plan}: everything needed to resolve a run.
 *
 * @param layout The block and chunk layout of the dataset.
 * @param start The run's lower bound, already validated against {@code layout}.
 * @param force Whether chunks already trained in the current epoch are trained again.
 * @param ledger The ledger the run continues, or empty for a new run with a fresh ledger.
 * @param workers The number of workers that will claim chunks, {@code >= 1}.
 * @param maxChunks The most chunks the run trains, {@code >= 1}, or empty for no limit.
 */
public record PlanRequest(
    DatasetLayout layout,
    ChunkPosition start,
    boolean force,
    Optional<LedgerState> ledger,
    int workers,
    OptionalInt maxChunks) {

  /**
   * Creates a request.
   *
   * @throws IllegalArgumentException if {@code workers} or {@code maxChunks} is below 1.
   */
  public PlanRequest {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(maxChunks, "maxChunks");
    if (workers < 1) {
      throw new IllegalArgumentException(
          String.format("workers is %d; expected at least 1", workers));
    }
    if (maxChunks.isPresent() && maxChunks.getAsInt() < 1) {
      throw new IllegalArgumentException(
          String.format(
              "max chunks is %d; expected at least 1, or no limit", maxChunks.getAsInt()));
    }
  }

  /** Returns a request for a new run from {@code start} with one worker and no chunk limit. */
  public static PlanRequest newRun(DatasetLayout layout, ChunkPosition start) {
    return new PlanRequest(layout, start, false, Optional.empty(), 1, OptionalInt.empty());
  }

  /** Returns a copy that continues {@code loadedLedger}. */
  public PlanRequest withLedger(LedgerState loadedLedger) {
    return new PlanRequest(layout, start, force, Optional.of(loadedLedger), workers, maxChunks);
  }

  /** Returns a copy with the given respect ({@code false}) or force ({@code true}) choice. */
  public PlanRequest withForce(boolean forceTrain) {
    return new PlanRequest(layout, start, forceTrain, ledger, workers, maxChunks);
  }

  /** Returns a copy with {@code workerCount} workers. */
  public PlanRequest withWorkers(int workerCount) {
    return new PlanRequest(layout, start, force, ledger, workerCount, maxChunks);
  }

  /** Returns a copy that trains at most {@code limit} chunks. */
  public PlanRequest withMaxChunks(int limit) {
    return new PlanRequest(layout, start, force, ledger, workers, OptionalInt.of(limit));
  }
}
