package io.hrmtrainer.trainergpu.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.config.ModelSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The counters and provenance stored in a checkpoint's {@code trainer_state.json}.
 *
 * <p>Together with the weights, the optimizer state and the ledger, these values let a resumed run
 * continue exactly where the checkpoint was taken. The learning-rate schedule is a function of
 * {@code globalStep}, and the data order is a function of {@code seed}, the epoch and the chunk.
 * Reading tolerates fields added later.
 *
 * @param formatVersion The file format version, {@value #FORMAT_VERSION} for this release.
 * @param globalStep The optimizer steps taken over the brain's whole history, summed over workers.
 * @param samplesTrained The samples trained over the brain's history, as counted by the ledger.
 * @param epoch The ledger's current epoch, 0-based.
 * @param chunksCommitted The chunks recorded as trained in the checkpoint's ledger.
 * @param createdAt When the checkpoint was written.
 * @param runId The run that wrote the checkpoint.
 * @param seed The run seed that drives initialisation and the per-chunk shuffle.
 * @param model The model architecture of the stored weights.
 * @param datasetFingerprint The SHA-256 of the dataset the ledger describes.
 * @param datasetKey The dataset key that names the ledger's directory in the brain.
 * @param config The configuration of the run that wrote the checkpoint.
 * @param provenance Java, OS, architecture and library versions of the writer.
 * @param lineageId The lineage of the checkpoint: the run id of the new run (one started without
 *     resuming) whose training it continues. A resumed run keeps its checkpoint's lineage, and
 *     retention prunes only checkpoints of the run's own lineage. Null in checkpoints written
 *     before lineages existed.
 */
public record TrainerState(
    int formatVersion,
    long globalStep,
    long samplesTrained,
    int epoch,
    long chunksCommitted,
    Instant createdAt,
    String runId,
    long seed,
    ModelSpec model,
    String datasetFingerprint,
    String datasetKey,
    JsonNode config,
    Map<String, String> provenance,
    String lineageId) {

  /** The file name inside a checkpoint directory. */
  public static final String FILE_NAME = "trainer_state.json";

  /** The format version this release writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The JSON key of {@link #lineageId()}. */
  static final String LINEAGE_KEY = "lineage_id";

  /** Checks the fields and copies the map. */
  public TrainerState {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(datasetFingerprint, "datasetFingerprint");
    Objects.requireNonNull(datasetKey, "datasetKey");
    Objects.requireNonNull(config, "config");
    provenance = Map.copyOf(provenance);
  }

  /** Returns the lineage, empty for a checkpoint written before lineages existed. */
  public Optional<String> lineage() {
    return Optional.ofNullable(lineageId);
  }

  /**
   * Returns the {@code lineage_id} stored in the {@code trainer_state.json} of {@code checkpoint};
   * empty when the file is missing, unreadable or has no lineage. A bad file gives an empty result,
   * not an exception, so callers treat such a checkpoint as belonging to no lineage.
   */
  public static Optional<String> readLineage(CheckpointInfo checkpoint) {
    try {
      JsonNode lineage = JsonFiles.readTree(checkpoint.file(FILE_NAME)).path(LINEAGE_KEY);
      return lineage.isTextual() && !lineage.textValue().isBlank()
          ? Optional.of(lineage.textValue())
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
