package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.DatasetManifest;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.plan.PlanRequest;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.plan.RunPlanner;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The library calls behind the checkpoint screen: list the brain's checkpoints, build the dataset's
 * manifest, and resolve a choice into its plans. Each call blocks and writes nothing into the
 * brain, so the view model runs them in the background and may throw the results away.
 *
 * <p>Thread-safe.
 */
final class RunPreview {

  private final ManifestCache manifestCache;
  private final RunResolver resolver;
  private final RunPlanner planner = new RunPlanner();

  RunPreview(ManifestCache manifestCache) {
    this.manifestCache = Objects.requireNonNull(manifestCache, "manifestCache");
    this.resolver = new RunResolver(manifestCache);
  }

  /** Returns every checkpoint of the brain, verified, oldest first. */
  List<CheckpointInfo> listCheckpoints(TrainingConfig config) throws IOException {
    return new CheckpointStore(BrainLayout.of(config.saveDir())).list();
  }

  /** Loads or builds the dataset's manifest and looks for the brain's ledger of it. */
  DatasetFacts loadDataset(TrainingConfig config, BuildProgress progress) throws IOException {
    DatasetManifest manifest =
        manifestCache
            .loadOrBuild(
                RunResolver.datasetSource(config),
                config.samplesPerBlock(),
                config.datasetChunkSize(),
                progress)
            .manifest();
    boolean hasLedger = BrainLayout.of(config.saveDir()).hasLedger(manifest.key().value());
    return new DatasetFacts(manifest, hasLedger);
  }

  /**
   * Resolves {@code config} as it would be run and plans it under both conflict choices.
   *
   * @throws io.hrmtrainer.core.InvalidInputException if the choice cannot run, for example a
   *     checkpoint whose ledger belongs to another dataset layout.
   */
  PlanPair plan(TrainingConfig config) {
    ResolvedRun respect = resolver.resolve(config.toBuilder().optForceTrain(false).build(),
        BuildProgress.NONE);
    PlanRequest request =
        PlanRequest.newRun(respect.manifest(), config.startPosition().toChunkPosition())
            .withLedger(respect.ledger())
            .withForce(true)
            .withWorkers(RunResolver.workerCount(config));
    if (config.maxChunks().isPresent()) {
      request = request.withMaxChunks(config.maxChunks().getAsInt());
    }
    RunPlan force = planner.plan(request);
    return new PlanPair(respect.plan(), force);
  }

  /**
   * The facts about the dataset that the screen shows.
   *
   * @param manifest The dataset's manifest.
   * @param hasLedger Whether the brain already has a ledger for this dataset and layout.
   */
  record DatasetFacts(DatasetManifest manifest, boolean hasLedger) {}
}
