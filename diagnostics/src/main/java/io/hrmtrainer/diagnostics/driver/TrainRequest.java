package io.hrmtrainer.diagnostics.driver;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import java.util.Objects;
import java.util.Optional;

/**
 * A training run that a scenario requests from a {@link TrainerDriver}.
 *
 * @param config The configuration, as a user would give it.
 * @param manifestCache The manifest cache, inside the scenario's working directory.
 * @param crash Where the run should fail as if the process were killed, or empty for a normal run.
 */
public record TrainRequest(
    TrainingConfig config, ManifestCache manifestCache, Optional<SimulatedCrash> crash) {

  /** Checks that no component is null. */
  public TrainRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(manifestCache, "manifestCache");
    Objects.requireNonNull(crash, "crash");
  }

  /** Returns a request without a simulated crash. */
  public static TrainRequest of(TrainingConfig config, ManifestCache manifestCache) {
    return new TrainRequest(config, manifestCache, Optional.empty());
  }

  /** Returns a copy with {@code newConfig} in place of the configuration. */
  public TrainRequest withConfig(TrainingConfig newConfig) {
    return new TrainRequest(newConfig, manifestCache, crash);
  }
}
