package io.hrmtrainer.tracker.plan;

import io.hrmtrainer.core.position.ChunkPosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of run resolution, computed before any model is built: the counts of the {@code
 * training_start_position_selected} event, the first chunks and the conflict with the ledger.
 *
 * <p>Counts refer to the ledger's current epoch (epoch 0 for a new run). Instances are immutable.
 *
 * @param start The run's lower bound.
 * @param force Whether chunks already trained are trained again.
 * @param workers The number of workers.
 * @param maxChunks The chunk limit of the run, or empty for none.
 * @param epoch The epoch the run continues.
 * @param totalBlocks The number of blocks in the dataset.
 * @param totalChunks The number of chunks in the dataset.
 * @param chunksBelowStart The chunks before {@code start}, never claimed in this run.
 * @param chunksAlreadyTrained The chunks at or after {@code start} that the ledger records as
 *     trained in {@code epoch}, which is also the number of conflicting chunks.
 * @param chunksClaimable The chunks the run may claim in this epoch: all at or after {@code start}
 *     when forcing, else those not already trained.
 * @param chunksToTrain {@code chunksClaimable}, capped by {@code maxChunks}.
 * @param firstChunk The first chunk the run claims, or empty if there is none.
 * @param firstChunkPerWorker The first chunk of each worker: worker {@code k} gets the {@code k}-th
 *     claimable chunk. The list is shorter than {@code workers} when fewer chunks are to be
 *     trained.
 * @param conflictSample The first conflicting chunks in position order, at most {@link
 *     RunPlanner#CONFLICT_SAMPLE_LIMIT}.
 */
public record RunPlan(
    ChunkPosition start,
    boolean force,
    int workers,
    OptionalInt maxChunks,
    int epoch,
    int totalBlocks,
    long totalChunks,
    long chunksBelowStart,
    long chunksAlreadyTrained,
    long chunksClaimable,
    long chunksToTrain,
    Optional<ChunkPosition> firstChunk,
    List<ChunkPosition> firstChunkPerWorker,
    List<ChunkPosition> conflictSample) {

  /** Creates a plan, copying the lists. */
  public RunPlan {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(maxChunks, "maxChunks");
    Objects.requireNonNull(firstChunk, "firstChunk");
    firstChunkPerWorker = List.copyOf(firstChunkPerWorker);
    conflictSample = List.copyOf(conflictSample);
  }

  /** Returns whether the ledger has chunks trained in the current epoch at or after the start. */
  public boolean hasConflict() {
    return chunksAlreadyTrained > 0;
  }

  /** Returns how many conflicting chunks exist; the first few are in {@link #conflictSample()}. */
  public long conflictCount() {
    return chunksAlreadyTrained;
  }

  /**
   * Returns whether the run, respecting the ledger, has no chunk left to train: a distinct outcome
   * with its own exit code and {@code nothing_to_train} event, never a silent success.
   */
  public boolean isNothingToTrain() {
    return !force && chunksToTrain == 0;
  }
}
