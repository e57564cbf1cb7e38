package io.hrmtrainer.tracker.ledger;

import io.hrmtrainer.core.position.ChunkPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One completed training pass over a chunk, as recorded in {@code completed_chunks[]}.
 *
 * @param position The chunk that was trained.
 * @param gpuId The worker (one per device) that trained it, written as {@code gpu_id}.
 * @param optimizerStep The worker's optimizer step count when the chunk finished.
 * @param steps The optimizer steps taken on this chunk.
 * @param samples The samples trained in this chunk.
 * @param epoch The epoch in which the chunk was trained; 0 for files that predate epochs.
 * @param completedAt When the chunk finished; empty for older files that did not record it.
 */
public record CompletedChunk(
    ChunkPosition position,
    int gpuId,
    long optimizerStep,
    int steps,
    long samples,
    int epoch,
    Optional<Instant> completedAt) {

  /**
   * Creates an entry.
   *
   * @throws IllegalArgumentException if a count or the epoch is negative.
   */
  public CompletedChunk {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(completedAt, "completedAt");
    if (optimizerStep < 0 || steps < 0 || samples < 0 || epoch < 0) {
      throw new IllegalArgumentException(
          String.format(
              "completed chunk %s has a negative count: optimizer_step=%d, steps=%d, samples=%d,"
                  + " epoch=%d; all must be >= 0",
              position, optimizerStep, steps, samples, epoch));
    }
  }
}
