package io.hrmtrainer.diagnostics.driver;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.trainergpu.run.StepHook;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A point at which a run fails as if its process were killed: before a given optimizer step of a
 * given chunk, in whichever worker trains that chunk.
 *
 * <p>The trainer treats the failure like any worker error: the chunk is not recorded as trained
 * and nothing is committed after it, which is what a kill leaves behind on disk.
 *
 * @param chunk The chunk in which the crash happens.
 * @param beforeStep The 1-based optimizer step of that chunk before which the crash happens. A
 *     value of 2 or more means the weights took steps of the chunk that no checkpoint will contain.
 */
public record SimulatedCrash(ChunkPosition chunk, int beforeStep) {

  /**
   * Checks the step.
   *
   * @throws IllegalArgumentException if {@code beforeStep} is below 1.
   */
  public SimulatedCrash {
    Objects.requireNonNull(chunk, "chunk");
    if (beforeStep < 1) {
      throw new IllegalArgumentException(
          String.format("beforeStep is %d; expected a 1-based step number >= 1", beforeStep));
    }
  }

  /** Returns a hook that throws {@link SimulatedCrashException} once, at this point. */
  public StepHook newHook() {
    AtomicBoolean fired = new AtomicBoolean();
    return (workerId, position, stepInChunk) -> {
      if (position.equals(chunk) && stepInChunk == beforeStep && fired.compareAndSet(false, true)) {
        throw new SimulatedCrashException(this, workerId);
      }
    };
  }

  @Override
  public String toString() {
    return String.format("a simulated kill before step %d of chunk %s", beforeStep, chunk);
  }
}
