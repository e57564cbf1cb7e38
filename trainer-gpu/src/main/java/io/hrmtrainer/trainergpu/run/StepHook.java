package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.position.ChunkPosition;

/**
 * Called by each worker before each optimizer step: a seam for tests and diagnostics.
 *
 * <p>A hook may throw a {@link RuntimeException} to simulate a failing worker, for example an
 * out-of-memory error on one device. The worker then fails exactly as it would on a real error,
 * the chunk is not recorded as trained, and the other workers stop at their next chunk boundary.
 * A hook may also request a stop through the run's {@link StopSignal}, captured when the run is
 * built. An immediate stop requested here abandons the chunk before the step is taken.
 *
 * <p>Calls come from worker threads, possibly several at once, so a hook must be thread-safe and
 * return quickly. The default hook, {@link #NONE}, does nothing.
 */
@FunctionalInterface
public interface StepHook {

  /** A hook that does nothing. */
  StepHook NONE = (workerId, chunk, stepInChunk) -> {};

  /**
   * Runs before an optimizer step.
   *
   * @param workerId The worker about to take the step, 0-based.
   * @param chunk The chunk the worker trains.
   * @param stepInChunk The 1-based step inside the chunk that is about to run.
   */
  void beforeStep(int workerId, ChunkPosition chunk, int stepInChunk);
}
