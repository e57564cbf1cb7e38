package io.hrmtrainer.diagnostics.driver;

import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import io.hrmtrainer.trainergpu.run.StepHook;
import io.hrmtrainer.trainergpu.run.TrainingRun;
import java.io.IOException;

/**
 * The real trainer: {@link RunResolver} with the request's manifest cache, then {@link
 * TrainingRun}, the same flow as {@code hrm-hf train}.
 *
 * <p>Stateless and thread-safe.
 */
public final class LibraryTrainerDriver implements TrainerDriver {

  @Override
  public RunOutcome train(TrainRequest request) throws IOException {
    ResolvedRun run =
        new RunResolver(request.manifestCache()).resolve(request.config(), BuildProgress.NONE);
    StepHook hook = request.crash().map(SimulatedCrash::newHook).orElse(StepHook.NONE);
    return TrainingRun.builder(run).optStepHook(hook).build().execute();
  }
}
