package io.hrmtrainer.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetFormat;
import io.hrmtrainer.core.position.StartPosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The complete, immutable configuration of one training run: the dataset and how it is cut into
 * blocks and chunks, the start position, resume and conflict choices, the model size, the
 * optimizer and its schedule, checkpointing, telemetry and devices.
 *
 * <p>Create one with {@link #builder()}, which checks every value when {@link
 * TrainingConfigBuilder#build()} is called, so every instance is valid. The config has two
 * lossless external forms: JSON with snake_case keys ({@link #toJson()}, {@link
 * #fromJson(String)}) and the arguments of {@code hrm-hf train} ({@link #toCliArgs()}). Instances
 * are immutable and safe to share between threads.
 */
public final class TrainingConfig {

  private final Path datasetFile;
  private final DatasetFormatOption datasetFormat;
  private final List<String> textFields;
  private final Path saveDir;
  private final int samplesPerBlock;
  private final int datasetChunkSize;
  private final int startBlockId;
  private final int startChunkId;
  private final boolean resume;
  private final Optional<String> resumeFrom;
  private final boolean forceTrain;
  private final ModelPreset modelPreset;
  private final ModelSpec model;
  private final int batchSize;
  private final int maxSeqLen;
  private final double learningRate;
  private final int warmupSteps;
  private final int lrDecaySteps;
  private final double minLrRatio;
  private final double weightDecay;
  private final double gradClipNorm;
  private final long seed;
  private final int epochs;
  private final OptionalInt maxChunks;
  private final int checkpointIntervalChunks;
  private final int keepCheckpoints;
  private final Optional<Path> logFile;
  private final Optional<Path> stopFile;
  private final String device;
  private final boolean parallelIndependent;
  private final List<Integer> cudaIds;
  private final int workers;

  TrainingConfig(TrainingConfigBuilder builder) {
    datasetFile = builder.datasetFile;
    datasetFormat = builder.datasetFormat;
    textFields =
        builder.textFields.isEmpty()
            ? List.of(TrainingDefaults.TEXT_FIELD)
            : List.copyOf(builder.textFields);
    saveDir = builder.saveDir;
    samplesPerBlock = builder.samplesPerBlock;
    datasetChunkSize = builder.datasetChunkSize;
    startBlockId = builder.startBlockId;
    startChunkId = builder.startChunkId;
    resumeFrom = builder.resumeFrom;
    resume = builder.resume || resumeFrom.isPresent();
    forceTrain = builder.forceTrain;
    modelPreset = builder.modelPreset;
    model = builder.model.orElse(modelPreset.spec());
    batchSize = builder.batchSize;
    maxSeqLen = builder.maxSeqLen;
    learningRate = builder.learningRate;
    warmupSteps = builder.warmupSteps;
    lrDecaySteps = builder.lrDecaySteps;
    minLrRatio = builder.minLrRatio;
    weightDecay = builder.weightDecay;
    gradClipNorm = builder.gradClipNorm;
    seed = builder.seed;
    epochs = builder.epochs;
    maxChunks = builder.maxChunks;
    checkpointIntervalChunks = builder.checkpointIntervalChunks;
    keepCheckpoints = builder.keepCheckpoints;
    logFile = builder.logFile;
    stopFile = builder.stopFile;
    device = builder.device;
    parallelIndependent = builder.parallelIndependent;
    cudaIds = List.copyOf(builder.cudaIds);
    workers = builder.workers;
  }

  /** Returns a builder with every optional setting at its {@link TrainingDefaults default}. */
  public static TrainingConfigBuilder builder() {
    return new TrainingConfigBuilder();
  }

  /**
   * Returns a builder that contains this config's values. If the model equals the preset's size, the
   * builder has no model override, so a later {@code optModelPreset} also changes the model.
   */
  public TrainingConfigBuilder toBuilder() {
    return new TrainingConfigBuilder(this);
  }

  /**
   * Checks every value and the relations between them.
   *
   * @throws InvalidInputException naming the flag, the JSON key, the value, the valid range and
   *     the fix for the first invalid value found.
   */
  public void validate() {
    TrainingConfigValidator.validate(this);
  }

  /** Returns the config as pretty-printed JSON with snake_case keys and a schema version. */
  public String toJson() {
    return TrainingConfigJson.write(this);
  }

  /** Returns the config as a JSON tree, for embedding in other JSON documents. */
  public JsonNode toJsonNode() {
    return TrainingConfigJson.toNode(this);
  }

  /**
   * Reads a config written by {@link #toJson()}. Unknown keys are ignored and missing optional
   * keys take their defaults.
   *
   * @throws InvalidInputException if the text is not JSON, a value has the wrong type, the schema
   *     version is newer than this code reads, or a value is invalid.
   */
  public static TrainingConfig fromJson(String json) {
    return TrainingConfigJson.read(json);
  }

  /**
   * Reads a config from a JSON tree written by {@link #toJsonNode()}.
   *
   * @throws InvalidInputException as {@link #fromJson(String)} does.
   */
  public static TrainingConfig fromJsonNode(JsonNode node) {
    return TrainingConfigJson.fromNode(node);
  }

  /**
   * Returns the {@code hrm-hf train} arguments that reproduce this config exactly: every valued
   * setting, including defaults, the preset and every model size flag. Paths appear as given.
   * Values that start with {@code -} are attached as {@code --flag=value} so that they cannot be
   * read as options.
   */
  public List<String> toCliArgs() {
    return TrainingConfigCliArgs.of(this);
  }

  /** Returns the dataset file, a text or JSONL file. */
  public Path datasetFile() {
    return datasetFile;
  }

  /** Returns the dataset format as configured, possibly {@link DatasetFormatOption#AUTO}. */
  public DatasetFormatOption datasetFormat() {
    return datasetFormat;
  }

  /** Returns the concrete dataset format, {@link DatasetFormatOption#AUTO} resolved by extension. */
  public DatasetFormat effectiveDatasetFormat() {
    return datasetFormat.resolve(datasetFile);
  }

  /**
   * Returns the JSONL fields that form a sample, never empty; several fields are joined with a
   * blank line. Ignored for text datasets.
   */
  public List<String> textFields() {
    return textFields;
  }

  /** Returns the brain directory that stores checkpoints, ledgers and telemetry. */
  public Path saveDir() {
    return saveDir;
  }

  /** Returns the number of samples per block. */
  public int samplesPerBlock() {
    return samplesPerBlock;
  }

  /** Returns the number of samples per chunk, at most {@link #samplesPerBlock()}. */
  public int datasetChunkSize() {
    return datasetChunkSize;
  }

  /** Returns the block id of the start position. */
  public int startBlockId() {
    return startBlockId;
  }

  /** Returns the chunk id of the start position. */
  public int startChunkId() {
    return startChunkId;
  }

  /** Returns the start position, the lower bound of every chunk claim in the run. */
  public StartPosition startPosition() {
    return new StartPosition(startBlockId, startChunkId);
  }

  /** Returns whether the run resumes from a checkpoint, always true if a checkpoint is named. */
  public boolean isResume() {
    return resume;
  }

  /** Returns the checkpoint to resume from (a name such as {@code ckpt-000012} or a path). */
  public Optional<String> resumeFrom() {
    return resumeFrom;
  }

  /** Returns whether chunks that the ledger marks as trained are trained again. */
  public boolean isForceTrain() {
    return forceTrain;
  }

  /** Returns the preset that the model size starts from. */
  public ModelPreset modelPreset() {
    return modelPreset;
  }

  /** Returns the model size: the preset's size with any overrides applied. */
  public ModelSpec model() {
    return model;
  }

  /** Returns the number of samples per optimizer step. */
  public int batchSize() {
    return batchSize;
  }

  /** Returns the training sequence length in byte tokens. */
  public int maxSeqLen() {
    return maxSeqLen;
  }

  /** Returns the peak learning rate, reached at the end of warm-up. */
  public double learningRate() {
    return learningRate;
  }

  /** Returns the number of optimizer steps of linear warm-up. */
  public int warmupSteps() {
    return warmupSteps;
  }

  /** Returns the number of optimizer steps over which the rate decays to its minimum. */
  public int lrDecaySteps() {
    return lrDecaySteps;
  }

  /** Returns the final learning rate of the cosine decay as a fraction of the peak rate. */
  public double minLrRatio() {
    return minLrRatio;
  }

  /** Returns the AdamW weight decay. */
  public double weightDecay() {
    return weightDecay;
  }

  /** Returns the maximum global L2 norm of the gradients. */
  public double gradClipNorm() {
    return gradClipNorm;
  }

  /** Returns the run seed for weights and data order. */
  public long seed() {
    return seed;
  }

  /** Returns the number of epochs over the chunks at or after the start position. */
  public int epochs() {
    return epochs;
  }

  /** Returns the number of trained chunks after which the run stops, if limited. */
  public OptionalInt maxChunks() {
    return maxChunks;
  }

  /** Returns the number of trained chunks between checkpoints; the run also commits at its end. */
  public int checkpointIntervalChunks() {
    return checkpointIntervalChunks;
  }

  /** Returns the number of newest checkpoints kept. */
  public int keepCheckpoints() {
    return keepCheckpoints;
  }

  /** Returns the telemetry file as configured, if one was set. */
  public Optional<Path> logFile() {
    return logFile;
  }

  /** Returns the telemetry file: the configured one, or {@code metrics.jsonl} in the save dir. */
  public Path effectiveLogFile() {
    return logFile.orElseGet(() -> saveDir.resolve(TrainingDefaults.METRICS_FILE_NAME));
  }

  /** Returns the file whose appearance stops the run gracefully, if one was set. */
  public Optional<Path> stopFile() {
    return stopFile;
  }

  /** Returns the device: {@code cpu}, {@code cuda} or {@code cuda:N}. */
  public String device() {
    return device;
  }

  /** Returns whether workers train independent replicas whose weights are averaged. */
  public boolean isParallelIndependent() {
    return parallelIndependent;
  }

  /** Returns the CUDA device ids for parallel training, possibly empty. */
  public List<Integer> cudaIds() {
    return cudaIds;
  }

  /** Returns the number of workers (model replicas). */
  public int workers() {
    return workers;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainingConfig
        && fieldsByKey().equals(((TrainingConfig) other).fieldsByKey());
  }

  @Override
  public int hashCode() {
    return fieldsByKey().hashCode();
  }

  /** Returns every field by its JSON key, empty optionals shown as {@code none}. */
  @Override
  public String toString() {
    return fieldsByKey().entrySet().stream()
        .map(entry -> entry.getKey() + "=" + shown(entry.getValue()))
        .collect(Collectors.joining(", ", "TrainingConfig{", "}"));
  }

  private Map<String, Object> fieldsByKey() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("dataset_file", datasetFile);
    fields.put("dataset_format", datasetFormat);
    fields.put("text_fields", textFields);
    fields.put("save_dir", saveDir);
    fields.put("samples_per_block", samplesPerBlock);
    fields.put("dataset_chunk_size", datasetChunkSize);
    fields.put("start_block_id", startBlockId);
    fields.put("start_chunk_id", startChunkId);
    fields.put("resume", resume);
    fields.put("resume_from", resumeFrom);
    fields.put("force_train", forceTrain);
    fields.put("model_preset", modelPreset);
    fields.put("model", model);
    fields.put("batch_size", batchSize);
    fields.put("max_seq_len", maxSeqLen);
    fields.put("learning_rate", learningRate);
    fields.put("warmup_steps", warmupSteps);
    fields.put("lr_decay_steps", lrDecaySteps);
    fields.put("min_lr_ratio", minLrRatio);
    fields.put("weight_decay", weightDecay);
    fields.put("grad_clip_norm", gradClipNorm);
    fields.put("seed", seed);
    fields.put("epochs", epochs);
    fields.put("max_chunks", maxChunks);
    fields.put("checkpoint_interval_chunks", checkpointIntervalChunks);
    fields.put("keep_checkpoints", keepCheckpoints);
    fields.put("log_file", logFile);
    fields.put("stop_file", stopFile);
    fields.put("device", device);
    fields.put("parallel_independent", parallelIndependent);
    fields.put("cuda_ids", cudaIds);
    fields.put("workers", workers);
    return fields;
  }

  private static String shown(Object value) {
    if (value instanceof Optional) {
      return ((Optional<?>) value).map(String::valueOf).orElse("none");
    }
    if (value instanceof OptionalInt) {
      OptionalInt optional = (OptionalInt) value;
      return optional.isPresent() ? String.valueOf(optional.getAsInt()) : "none";
    }
    return String.valueOf(value);
  }
}
