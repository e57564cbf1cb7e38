package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.tracker.plan.RunPlan;
import java.util.Objects;

/**
 * The plans of one set of choices under both conflict choices, so that switching between respect
 * and force needs no new resolution.
 *
 * @param respect The plan when already-trained chunks are skipped.
 * @param force The plan when every chunk from the start position is trained.
 */
record PlanPair(RunPlan respect, RunPlan force) {

  PlanPair {
    Objects.requireNonNull(respect, "respect");
    Objects.requireNonNull(force, "force");
  }

  /** Returns the plan for {@code choice}. */
  RunPlan forChoice(ConflictChoice choice) {
    return choice == ConflictChoice.FORCE ? force : respect;
  }
}
