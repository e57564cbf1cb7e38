package io.hrmtrainer.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link TrainingConfig} as {@code hrm-hf train} arguments, in the order of the help
 * text. Every valued setting is written, defaults included, so the arguments keep their meaning
 * if a default changes. Flags for booleans appear only when true and optional values only when
 * present.
 */
final class TrainingConfigCliArgs {

  private final List<String> args = new ArrayList<>();

  private TrainingConfigCliArgs() {}

  static List<String> of(TrainingConfig config) {
    TrainingConfigCliArgs writer = new TrainingConfigCliArgs();
    writer.addDataset(config);
    writer.addResume(config);
    writer.addModel(config);
    writer.addOptimizer(config);
    writer.addRun(config);
    writer.addDevices(config);
    return List.copyOf(writer.args);
  }

  private void addDataset(TrainingConfig config) {
    add("--dataset-file", config.datasetFile().toString());
    add("--dataset-format", config.datasetFormat().cliName());
    config.textFields().forEach(field -> add("--text-field", field));
    add("--save-dir", config.saveDir().toString());
    add(IntSetting.SAMPLES_PER_BLOCK, config.samplesPerBlock());
    add(IntSetting.DATASET_CHUNK_SIZE, config.datasetChunkSize());
    add("--start-block-id", String.valueOf(config.startBlockId()));
    add("--start-chunk-id", String.valueOf(config.startChunkId()));
  }

  private void addResume(TrainingConfig config) {
    addFlag("--resume", config.isResume());
    config.resumeFrom().ifPresent(checkpoint -> add("--resume-from", checkpoint));
    addFlag("--force-train", config.isForceTrain());
  }

  private void addModel(TrainingConfig config) {
    ModelSpec model = config.model();
    add("--model-preset", config.modelPreset().cliName());
    add(IntSetting.HIDDEN_SIZE, model.hiddenSize());
    add(IntSetting.NUM_HEADS, model.numHeads());
    add(IntSetting.H_LAYERS, model.hLayers());
    add(IntSetting.L_LAYERS, model.lLayers());
    add(IntSetting.H_CYCLES, model.hCycles());
    add(IntSetting.L_CYCLES, model.lCycles());
    add(DoubleSetting.MLP_EXPANSION, model.expansion());
  }

  private void addOptimizer(TrainingConfig config) {
    add(IntSetting.BATCH_SIZE, config.batchSize());
    add(IntSetting.MAX_SEQ_LEN, config.maxSeqLen());
    add(DoubleSetting.LEARNING_RATE, config.learningRate());
    add(IntSetting.WARMUP_STEPS, config.warmupSteps());
    add(IntSetting.LR_DECAY_STEPS, config.lrDecaySteps());
    add(DoubleSetting.MIN_LR_RATIO, config.minLrRatio());
    add(DoubleSetting.WEIGHT_DECAY, config.weightDecay());
    add(DoubleSetting.GRAD_CLIP_NORM, config.gradClipNorm());
    add("--seed", String.valueOf(config.seed()));
  }

  private void addRun(TrainingConfig config) {
    add(IntSetting.EPOCHS, config.epochs());
    config.maxChunks().ifPresent(maxChunks -> add(IntSetting.MAX_CHUNKS, maxChunks));
    add(IntSetting.CHECKPOINT_INTERVAL_CHUNKS, config.checkpointIntervalChunks());
    add(IntSetting.KEEP_CHECKPOINTS, config.keepCheckpoints());
    config.logFile().ifPresent(logFile -> add("--log-file", logFile.toString()));
    config.stopFile().ifPresent(stopFile -> add("--stop-file", stopFile.toString()));
  }

  private void addDevices(TrainingConfig config) {
    add("--device", config.device());
    addFlag("--parallel-independent", config.isParallelIndependent());
    if (!config.cudaIds().isEmpty()) {
      String ids = config.cudaIds().stream().map(String::valueOf).collect(Collectors.joining(","));
      add(IntSetting.CUDA_ID.flag(), ids);
    }
    add(IntSetting.WORKERS, config.workers());
  }

  private void add(IntSetting setting, int value) {
    add(setting.flag(), String.valueOf(value));
  }

  private void add(DoubleSetting setting, double value) {
    add(setting.flag(), String.valueOf(value));
  }

  private void addFlag(String flag, boolean set) {
    if (set) {
      args.add(flag);
    }
  }

  /** Adds a flag and its value, attached with {@code =} when the value could read as an option. */
  private void add(String flag, String value) {
    if (value.startsWith("-")) {
      args.add(flag + "=" + value);
    } else {
      args.add(flag);
      args.add(value);
    }
  }
}
