package io.hrmtrainer.diagnostics.driver;

import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;

/**
 * Resolves and runs one training configuration for a scenario.
 *
 * <p>The scenarios never look at a driver's internals. They judge it by the telemetry it leaves in
 * the brain's {@code metrics.jsonl}, by the ledger and checkpoints in the brain, and by the outcome
 * or exception it returns. A driver that breaks a property of the trainer therefore shows up in
 * the report exactly as a broken trainer would. Examples are a driver that ignores the start
 * position, records an interrupted chunk or loads an uncommitted checkpoint.
 *
 * <p>{@link LibraryTrainerDriver} is the default. Implementations need not be thread-safe: a
 * runner calls one at a time.
 */
@FunctionalInterface
public interface TrainerDriver {

  /**
   * Resolves {@code request}'s configuration and trains it to the end.
   *
   * @param request What to train, with the manifest cache to use and an optional simulated crash.
   * @return How the run ended.
   * @throws io.hrmtrainer.core.InvalidInputException if the configuration is invalid for its
   *     dataset or brain, before anything is built or written.
   * @throws IOException if the brain or the dataset cannot be read or written.
   */
  RunOutcome train(TrainRequest request) throws IOException;
}
