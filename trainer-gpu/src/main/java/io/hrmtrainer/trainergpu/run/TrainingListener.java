package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.position.ChunkPosition;

/**
 * Receives live progress from a run, for a CLI progress bar or a GUI.
 *
 * <p>Calls come from worker threads, possibly several at once, so implementations must be
 * thread-safe and return quickly. Durable records go to telemetry, not here. Every method has an
 * empty default.
 */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Called after each optimizer step. */
  default void onStep(StepProgress progress) {}

  /** Called when a worker claims a chunk. */
  default void onChunkClaimed(int workerId, ChunkPosition chunk) {}

  /** Called when a worker skips a chunk that the ledger already has trained. */
  default void onChunkSkipped(ChunkPosition chunk) {}

  /** Called when a worker finishes a chunk; {@code meanLoss} is in nats per token. */
  default void onChunkTrained(int workerId, ChunkPosition chunk, double meanLoss) {}

  /** Called after a checkpoint is committed. */
  default void onCheckpointCommitted(String checkpointName, long globalStep) {}
}
