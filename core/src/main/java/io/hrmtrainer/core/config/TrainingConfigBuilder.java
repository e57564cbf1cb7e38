package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.StartPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds a {@link TrainingConfig}. Required settings are {@code setX}, optional ones {@code optX}
 * with the default named in their documentation, lists are extended with {@code addX} and
 * replaced with {@code optX}, and optional values are removed with {@code clearX}.
 *
 * <p>Setters only store values; {@link #build()} checks them all, so a builder may pass through
 * invalid states. A builder is not thread-safe. Get one from {@link TrainingConfig#builder()} or
 * {@link TrainingConfig#toBuilder()}.
 */
public final class TrainingConfigBuilder {

  Path datasetFile;
  DatasetFormatOption datasetFormat = DatasetFormatOption.AUTO;
  final List<String> textFields = new ArrayList<>();
  Path saveDir;
  int samplesPerBlock = TrainingDefaults.SAMPLES_PER_BLOCK;
  int datasetChunkSize = TrainingDefaults.DATASET_CHUNK_SIZE;
  int startBlockId;
  int startChunkId;
  boolean resume;
  Optional<String> resumeFrom = Optional.empty();
  boolean forceTrain;
  ModelPreset modelPreset = ModelPreset.parse(TrainingDefaults.MODEL_PRESET);
  Optional<ModelSpec> model = Optional.empty();
  int batchSize = TrainingDefaults.BATCH_SIZE;
  int maxSeqLen = TrainingDefaults.MAX_SEQ_LEN;
  double learningRate = TrainingDefaults.LEARNING_RATE;
  int warmupSteps = TrainingDefaults.WARMUP_STEPS;
  int lrDecaySteps = TrainingDefaults.LR_DECAY_STEPS;
  double minLrRatio = TrainingDefaults.MIN_LR_RATIO;
  double weightDecay = TrainingDefaults.WEIGHT_DECAY;
  double gradClipNorm = TrainingDefaults.GRAD_CLIP_NORM;
  long seed = TrainingDefaults.SEED;
  int epochs = TrainingDefaults.EPOCHS;
  OptionalInt maxChunks = OptionalInt.empty();
  int checkpointIntervalChunks = TrainingDefaults.CHECKPOINT_INTERVAL_CHUNKS;
  int keepCheckpoints = TrainingDefaults.KEEP_CHECKPOINTS;
  Optional<Path> logFile = Optional.empty();
  Optional<Path> stopFile = Optional.empty();
  String device = TrainingDefaults.DEVICE;
  boolean parallelIndependent;
  final List<Integer> cudaIds = new ArrayList<>();
  int workers = TrainingDefaults.WORKERS;

  TrainingConfigBuilder() {}

  TrainingConfigBuilder(TrainingConfig config) {
    datasetFile = config.datasetFile();
    datasetFormat = config.datasetFormat();
    textFields.addAll(config.textFields());
    saveDir = config.saveDir();
    samplesPerBlock = config.samplesPerBlock();
    datasetChunkSize = config.datasetChunkSize();
    startBlockId = config.startBlockId();
    startChunkId = config.startChunkId();
    resume = config.isResume();
    resumeFrom = config.resumeFrom();
    forceTrain = config.isForceTrain();
    modelPreset = config.modelPreset();
    boolean presetSize = config.model().equals(modelPreset.spec());
    model = presetSize ? Optional.empty() : Optional.of(config.model());
    batchSize = config.batchSize();
    maxSeqLen = config.maxSeqLen();
    learningRate = config.learningRate();
    warmupSteps = config.warmupSteps();
    lrDecaySteps = config.lrDecaySteps();
    minLrRatio = config.minLrRatio();
    weightDecay = config.weightDecay();
    gradClipNorm = config.gradClipNorm();
    seed = config.seed();
    epochs = config.epochs();
    maxChunks = config.maxChunks();
    checkpointIntervalChunks = config.checkpointIntervalChunks();
    keepCheckpoints = config.keepCheckpoints();
    logFile = config.logFile();
    stopFile = config.stopFile();
    device = config.device();
    parallelIndependent = config.isParallelIndependent();
    cudaIds.addAll(config.cudaIds());
    workers = config.workers();
  }

  /** Sets the dataset file, a text or JSONL file. Required. */
  public TrainingConfigBuilder setDatasetFile(Path datasetFile) {
    this.datasetFile = Objects.requireNonNull(datasetFile, "datasetFile");
    return this;
  }

  /** Sets the brain directory for checkpoints, ledgers and telemetry. Required. */
  public TrainingConfigBuilder setSaveDir(Path saveDir) {
    this.saveDir = Objects.requireNonNull(saveDir, "saveDir");
    return this;
  }

  /** Sets the dataset format. Default {@link DatasetFormatOption#AUTO}. */
  public TrainingConfigBuilder optDatasetFormat(DatasetFormatOption datasetFormat) {
    this.datasetFormat = Objects.requireNonNull(datasetFormat, "datasetFormat");
    return this;
  }

  /** Adds a JSONL text field. Default when none is added: {@code text}. */
  public TrainingConfigBuilder addTextField(String textField) {
    textFields.add(Objects.requireNonNull(textField, "textField"));
    return this;
  }

  /** Replaces the JSONL text fields; an empty collection restores the default {@code text}. */
  public TrainingConfigBuilder optTextFields(Collection<String> textFields) {
    List<String> copy = List.copyOf(textFields);
    this.textFields.clear();
    this.textFields.addAll(copy);
    return this;
  }

  /** Sets the number of samples per block. Default 100,000. */
  public TrainingConfigBuilder optSamplesPerBlock(int samplesPerBlock) {
    this.samplesPerBlock = samplesPerBlock;
    return this;
  }

  /** Sets the number of samples per chunk, at most the block size. Default 4,000. */
  public TrainingConfigBuilder optDatasetChunkSize(int datasetChunkSize) {
    this.datasetChunkSize = datasetChunkSize;
    return this;
  }

  /** Sets the block id of the start position. Default 0. */
  public TrainingConfigBuilder optStartBlockId(int startBlockId) {
    this.startBlockId = startBlockId;
    return this;
  }

  /** Sets the chunk id of the start position. Default 0. */
  public TrainingConfigBuilder optStartChunkId(int startChunkId) {
    this.startChunkId = startChunkId;
    return this;
  }

  /** Sets both ids of the start position. Default (0, 0). */
  public TrainingConfigBuilder optStartPosition(StartPosition startPosition) {
    this.startBlockId = startPosition.blockId();
    this.startChunkId = startPosition.chunkId();
    return this;
  }

  /** Sets whether to resume from the newest valid checkpoint. Default false. */
  public TrainingConfigBuilder optResume(boolean resume) {
    this.resume = resume;
    return this;
  }

  /** Sets the checkpoint to resume from, a name or a path; implies resume. Default: none. */
  public TrainingConfigBuilder optResumeFrom(String checkpoint) {
    this.resumeFrom = Optional.of(checkpoint);
    return this;
  }

  /** Removes the checkpoint set with {@link #optResumeFrom(String)}; resume stays as set. */
  public TrainingConfigBuilder clearResumeFrom() {
    this.resumeFrom = Optional.empty();
    return this;
  }

  /** Sets whether chunks that the ledger marks as trained are trained again. Default false. */
  public TrainingConfigBuilder optForceTrain(boolean forceTrain) {
    this.forceTrain = forceTrain;
    return this;
  }

  /** Sets the model preset, whose size is used unless {@link #optModel} sets one. Default tiny. */
  public TrainingConfigBuilder optModelPreset(ModelPreset modelPreset) {
    this.modelPreset = Objects.requireNonNull(modelPreset, "modelPreset");
    return this;
  }

  /** Sets the model size, replacing the preset's size. Default: the preset's size. */
  public TrainingConfigBuilder optModel(ModelSpec model) {
    this.model = Optional.of(model);
    return this;
  }

  /** Sets the number of samples per optimizer step. Default 16. */
  public TrainingConfigBuilder optBatchSize(int batchSize) {
    this.batchSize = batchSize;
    return this;
  }

  /** Sets the training sequence length in byte tokens, 8 to 65,536. Default 64. */
  public TrainingConfigBuilder optMaxSeqLen(int maxSeqLen) {
    this.maxSeqLen = maxSeqLen;
    return this;
  }

  /** Sets the peak learning rate. Default 0.001. */
  public TrainingConfigBuilder optLearningRate(double learningRate) {
    this.learningRate = learningRate;
    return this;
  }

  /** Sets the number of optimizer steps of linear warm-up. Default 20. */
  public TrainingConfigBuilder optWarmupSteps(int warmupSteps) {
    this.warmupSteps = warmupSteps;
    return this;
  }

  /** Sets the number of optimizer steps of cosine decay after warm-up. Default 10,000. */
  public TrainingConfigBuilder optLrDecaySteps(int lrDecaySteps) {
    this.lrDecaySteps = lrDecaySteps;
    return this;
  }

  /** Sets the final learning rate as a fraction of the peak rate, 0 to 1. Default 0.1. */
  public TrainingConfigBuilder optMinLrRatio(double minLrRatio) {
    this.minLrRatio = minLrRatio;
    return this;
  }

  /** Sets the AdamW weight decay. Default 0.01. */
  public TrainingConfigBuilder optWeightDecay(double weightDecay) {
    this.weightDecay = weightDecay;
    return this;
  }

  /** Sets the maximum global L2 norm of the gradients. Default 1.0. */
  public TrainingConfigBuilder optGradClipNorm(double gradClipNorm) {
    this.gradClipNorm = gradClipNorm;
    return this;
  }

  /** Sets the run seed. Default 42. */
  public TrainingConfigBuilder optSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Sets the number of epochs. Default 1. */
  public TrainingConfigBuilder optEpochs(int epochs) {
    this.epochs = epochs;
    return this;
  }

  /** Sets the number of trained chunks after which the run stops. Default: no limit. */
  public TrainingConfigBuilder optMaxChunks(int maxChunks) {
    this.maxChunks = OptionalInt.of(maxChunks);
    return this;
  }

  /** Removes the chunk limit set with {@link #optMaxChunks(int)}. */
  public TrainingConfigBuilder clearMaxChunks() {
    this.maxChunks = OptionalInt.empty();
    return this;
  }

  /** Sets the number of trained chunks between checkpoints. Default 10. */
  public TrainingConfigBuilder optCheckpointIntervalChunks(int checkpointIntervalChunks) {
    this.checkpointIntervalChunks = checkpointIntervalChunks;
    return this;
  }

  /** Sets the number of newest checkpoints kept. Default 3. */
  public TrainingConfigBuilder optKeepCheckpoints(int keepCheckpoints) {
    this.keepCheckpoints = keepCheckpoints;
    return this;
  }

  /** Sets the telemetry file. Default: {@code metrics.jsonl} in the save directory. */
  public TrainingConfigBuilder optLogFile(Path logFile) {
    this.logFile = Optional.of(logFile);
    return this;
  }

  /** Removes the telemetry file set with {@link #optLogFile(Path)}. */
  public TrainingConfigBuilder clearLogFile() {
    this.logFile = Optional.empty();
    return this;
  }

  /** Sets the file whose appearance stops the run gracefully. Default: none. */
  public TrainingConfigBuilder optStopFile(Path stopFile) {
    this.stopFile = Optional.of(stopFile);
    return this;
  }

  /** Removes the stop file set with {@link #optStopFile(Path)}. */
  public TrainingConfigBuilder clearStopFile() {
    this.stopFile = Optional.empty();
    return this;
  }

  /** Sets the device: {@code cpu}, {@code cuda} or {@code cuda:N}. Default cpu. */
  public TrainingConfigBuilder optDevice(String device) {
    this.device = Objects.requireNonNull(device, "device");
    return this;
  }

  /** Sets whether workers train independent replicas whose weights are averaged. Default false. */
  public TrainingConfigBuilder optParallelIndependent(boolean parallelIndependent) {
    this.parallelIndependent = parallelIndependent;
    return this;
  }

  /** Adds a CUDA device id for parallel training. Default: none. */
  public TrainingConfigBuilder addCudaId(int cudaId) {
    cudaIds.add(cudaId);
    return this;
  }

  /** Replaces the CUDA device ids. Default: none. */
  public TrainingConfigBuilder optCudaIds(Collection<Integer> cudaIds) {
    List<Integer> copy = List.copyOf(cudaIds);
    this.cudaIds.clear();
    this.cudaIds.addAll(copy);
    return this;
  }

  /** Sets the number of workers (model replicas), 1 to 256. Default 1. */
  public TrainingConfigBuilder optWorkers(int workers) {
    this.workers = workers;
    return this;
  }

  /**
   * Returns the config after checking every value.
   *
   * @throws InvalidInputException naming the flag, the value, the valid range and the fix for the
   *     first invalid or missing value.
   */
  public TrainingConfig build() {
    TrainingConfig config = new TrainingConfig(this);
    config.validate();
    return config;
  }
}
