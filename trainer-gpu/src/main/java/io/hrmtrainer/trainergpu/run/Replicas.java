package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the model replicas of a run, one per device, all holding the same state. */
final class Replicas {

  private static final Logger LOGGER = LoggerFactory.getLogger(Replicas.class);

  private Replicas() {}

  /**
   * Creates one replica per device. The first is initialised from {@code seed} or, on resume,
   * loaded from {@code checkpoint}; every other replica copies its weights and optimizer state, so
   * all start identical even where devices would initialise differently.
   *
   * @return The replicas in worker order; the caller closes them.
   * @throws IOException if the checkpoint's files cannot be read; replicas created so far are
   *     closed.
   */
  static List<ModelReplica> create(
      List<Device> devices,
      TrainingConfig config,
      ModelSpec spec,
      long seed,
      Optional<CheckpointInfo> checkpoint)
      throws IOException {

    List<ModelReplica> replicas = new ArrayList<>();
    try {
      ModelReplica first = ModelReplica.newInitialized(devices.get(0), config, spec, seed);
      replicas.add(first);
      if (checkpoint.isPresent()) {
        first.loadState(
            Files.readAllBytes(checkpoint.get().file(CheckpointCommitter.MODEL_FILE)),
            Files.readAllBytes(checkpoint.get().file(CheckpointCommitter.OPTIMIZER_FILE)));
        LOGGER.info(
            "loaded weights and optimizer state from checkpoint {}", checkpoint.get().name());
      }
      for (Device device : devices.subList(1, devices.size())) {
        ModelReplica copy = ModelReplica.newInitialized(device, config, spec, seed);
        replicas.add(copy);
        copy.copyStateFrom(first);
      }
      return replicas;
    } catch (IOException | RuntimeException e) {
      replicas.forEach(ModelReplica::close);
      throw e;
    }
  }
}
