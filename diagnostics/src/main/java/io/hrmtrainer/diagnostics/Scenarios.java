package io.hrmtrainer.diagnostics;

import io.hrmtrainer.diagnostics.scenarios.CrashBeforeCommit;
import io.hrmtrainer.diagnostics.scenarios.ExactResume;
import io.hrmtrainer.diagnostics.scenarios.NewRunStartsAtPosition;
import io.hrmtrainer.diagnostics.scenarios.OutOfRangeFailsFast;
import io.hrmtrainer.diagnostics.scenarios.ParallelRespectsPosition;
import io.hrmtrainer.diagnostics.scenarios.RespectVersusForce;
import io.hrmtrainer.diagnostics.scenarios.ResumeStartsAtPosition;
import java.util.List;

/** The catalogue of scenarios that {@code hrm-hf diagnose} runs. */
public final class Scenarios {

  private Scenarios() {}

  /** Returns every scenario, in run order: a new instance of each. */
  public static List<Scenario> all() {
    return List.of(
        new NewRunStartsAtPosition(),
        new ResumeStartsAtPosition(),
        new ParallelRespectsPosition(),
        new OutOfRangeFailsFast(),
        new RespectVersusForce(),
        new CrashBeforeCommit(),
        new ExactResume());
  }
}
