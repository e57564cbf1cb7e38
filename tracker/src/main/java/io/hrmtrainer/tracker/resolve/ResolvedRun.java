package io.hrmtrainer.tracker.resolve;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.DatasetManifest;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.plan.RunPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs a run needs before a model is built: the dataset's layout, the checkpoint to
 * resume from (if any), the ledger the run starts with, and the plan.
 *
 * <p>Resolution writes nothing into the brain directory, so a resolved run can be shown ({@code
 * hrm-hf plan}, the GUI's checkpoint screen) and thrown away.
 *
 * @param config The validated configuration.
 * @param manifest The dataset's manifest.
 * @param manifestFromCache Whether the manifest came from the cache instead of a fresh scan.
 * @param brain The brain directory's layout.
 * @param checkpoint The checkpoint to resume from, empty for a new run.
 * @param skippedCheckpoints Invalid checkpoints passed over when choosing {@code checkpoint}.
 * @param resumeDisabledReason Why a requested resume became a new run, empty otherwise.
 * @param ledger The ledger the run starts with: the checkpoint's, or a fresh one.
 * @param epochAdvanced Whether the ledger's finished epoch was advanced to the next one.
 * @param plan The run plan computed from the ledger and the start position.
 * @param warnings Settings that the run will not apply as given, one sentence each, for display.
 */
public record ResolvedRun(
    TrainingConfig config,
    DatasetManifest manifest,
    boolean manifestFromCache,
    BrainLayout brain,
    Optional<CheckpointInfo> checkpoint,
    List<CheckpointInfo> skippedCheckpoints,
    Optional<String> resumeDisabledReason,
    LedgerState ledger,
    boolean epochAdvanced,
    RunPlan plan,
    List<String> warnings) {

  /** Creates a resolved run, copying the list. */
  public ResolvedRun {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(brain, "brain");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(resumeDisabledReason, "resumeDisabledReason");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(plan, "plan");
    skippedCheckpoints = List.copyOf(skippedCheckpoints);
    warnings = List.copyOf(warnings);
  }

  /** Returns whether the run resumes from a checkpoint. */
  public boolean isResume() {
    return checkpoint.isPresent();
  }

  /** Returns the dataset key that names the ledger's directory in the brain. */
  public String datasetKey() {
    return manifest.key().value();
  }
}
