package io.hrmtrainer.cli.options;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.DatasetFormatOption;
import io.hrmtrainer.core.config.IntSetting;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import io.hrmtrainer.core.config.TrainingDefaults;
import io.hrmtrainer.core.position.StartPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code hrm-hf train} and {@code hrm-hf plan}, one per {@link TrainingConfig}
 * setting, for use as a picocli {@code @Mixin}.
 *
 * <p>The options only carry text and numbers: {@link #toConfig()} turns them into a config, and
 * core checks every value with its own messages. Whole numbers are parsed as {@code long} and the
 * start ids as text for that reason, so that {@code --start-block-id 99999999999} or {@code
 * --batch-size 0} is reported by core instead of by the parser. An instance contains the values of
 * one parse and is not thread-safe.
 */
public final class TrainOptions {

  private static final Pattern LIST_ITEM = Pattern.compile("[+-]?[0-9]+");

  @Option(
      names = "--dataset-file",
      paramLabel = "<file>",
      description =
          "Dataset to train on: a text file (one sample per line) or a JSONL file. Required.")
  private Path datasetFile;

  @Option(
      names = "--dataset-format",
      paramLabel = "<format>",
      defaultValue = "auto",
      description =
          "Dataset format: auto, text or jsonl. Auto reads .jsonl and .json files as JSONL and"
              + " anything else as text. Default: ${DEFAULT-VALUE}.")
  private String datasetFormat;

  @Option(
      names = "--text-field",
      paramLabel = "<name>",
      description =
          "JSONL field that contains the sample text. Repeat for several fields, which are joined"
              + " with a blank line. Default: " + TrainingDefaults.TEXT_FIELD + ".")
  private List<String> textFields;

  @Option(
      names = "--save-dir",
      paramLabel = "<dir>",
      description = "Brain directory for checkpoints, ledgers and metrics. Required.")
  private Path saveDir;

  @Option(
      names = "--samples-per-block",
      paramLabel = "<samples>",
      defaultValue = "" + TrainingDefaults.SAMPLES_PER_BLOCK,
      converter = WholeNumberConverter.class,
      description = "Samples in one dataset block. Default: ${DEFAULT-VALUE}.")
  private long samplesPerBlock;

  @Option(
      names = "--dataset-chunk-size",
      paramLabel = "<samples>",
      defaultValue = "" + TrainingDefaults.DATASET_CHUNK_SIZE,
      converter = WholeNumberConverter.class,
      description =
          "Samples in one chunk, the unit of claiming and of the ledger; at most the block size."
              + " Default: ${DEFAULT-VALUE}.")
  private long datasetChunkSize;

  @Option(
      names = "--start-block-id",
      paramLabel = "<block>",
      defaultValue = "0",
      description =
          "Block id (0-based) of the start position: no chunk before it is trained in this run."
              + " Applies to new and resumed runs. Default: ${DEFAULT-VALUE}.")
  private String startBlockId;

  @Option(
      names = "--start-chunk-id",
      paramLabel = "<chunk>",
      defaultValue = "0",
      description =
          "Chunk id (0-based) inside the start block. Applies to new and resumed runs."
              + " Default: ${DEFAULT-VALUE}.")
  private String startChunkId;

  @Option(
      names = "--resume",
      description = "Resume from the newest valid checkpoint in the save directory, if any.")
  private boolean resume;

  @Option(
      names = "--resume-from",
      paramLabel = "<checkpoint>",
      description =
          "Resume from this checkpoint: a name such as ckpt-000012 or a checkpoint directory."
              + " Implies --resume.")
  private String resumeFrom;

  @Option(
      names = "--force-train",
      description =
          "Train chunks at or after the start position again even if the ledger marks them as"
              + " trained in this epoch.")
  private boolean forceTrain;

  @Option(
      names = "--model-preset",
      paramLabel = "<preset>",
      defaultValue = TrainingDefaults.MODEL_PRESET,
      description =
          "Model size: tiny (CPU, seconds per chunk), small, or base (GPU). The size flags below"
              + " override single values. Default: ${DEFAULT-VALUE}.")
  private String modelPreset;

  @Option(
      names = "--hidden-size",
      paramLabel = "<width>",
      converter = WholeNumberConverter.class,
      description =
          "Width of every hidden state; a multiple of 2 x --num-heads. Default: from the preset.")
  private Long hiddenSize;

  @Option(
      names = "--num-heads",
      paramLabel = "<heads>",
      converter = WholeNumberConverter.class,
      description = "Attention heads. Default: from the preset.")
  private Long numHeads;

  @Option(
      names = "--h-layers",
      paramLabel = "<layers>",
      converter = WholeNumberConverter.class,
      description = "Transformer blocks in the high-level (H) module. Default: from the preset.")
  private Long hLayers;

  @Option(
      names = "--l-layers",
      paramLabel = "<layers>",
      converter = WholeNumberConverter.class,
      description = "Transformer blocks in the low-level (L) module. Default: from the preset.")
  private Long lLayers;

  @Option(
      names = "--h-cycles",
      paramLabel = "<cycles>",
      converter = WholeNumberConverter.class,
      description = "Outer H steps per forward pass. Default: from the preset.")
  private Long hCycles;

  @Option(
      names = "--l-cycles",
      paramLabel = "<cycles>",
      converter = WholeNumberConverter.class,
      description = "Inner L steps per H step. Default: from the preset.")
  private Long lCycles;

  @Option(
      names = "--mlp-expansion",
      paramLabel = "<factor>",
      converter = DecimalConverter.class,
      description =
          "SwiGLU hidden width as a multiple of the hidden size. Default: from the preset.")
  private Double mlpExpansion;

  @Option(
      names = "--batch-size",
      paramLabel = "<samples>",
      defaultValue = "" + TrainingDefaults.BATCH_SIZE,
      converter = WholeNumberConverter.class,
      description = "Samples per optimizer step. Default: ${DEFAULT-VALUE}.")
  private long batchSize;

  @Option(
      names = "--max-seq-len",
      paramLabel = "<tokens>",
      defaultValue = "" + TrainingDefaults.MAX_SEQ_LEN,
      converter = WholeNumberConverter.class,
      description =
          "Training sequence length in byte tokens, 8 to 65536. Default: ${DEFAULT-VALUE}.")
  private long maxSeqLen;

  @Option(
      names = "--lr",
      paramLabel = "<rate>",
      defaultValue = "" + TrainingDefaults.LEARNING_RATE,
      converter = DecimalConverter.class,
      description = "Peak learning rate, reached at the end of warm-up. Default: ${DEFAULT-VALUE}.")
  private double learningRate;

  @Option(
      names = "--warmup-steps",
      paramLabel = "<steps>",
      defaultValue = "" + TrainingDefaults.WARMUP_STEPS,
      converter = WholeNumberConverter.class,
      description = "Optimizer steps of linear learning-rate warm-up. Default: ${DEFAULT-VALUE}.")
  private long warmupSteps;

  @Option(
      names = "--lr-decay-steps",
      paramLabel = "<steps>",
      defaultValue = "" + TrainingDefaults.LR_DECAY_STEPS,
      converter = WholeNumberConverter.class,
      description =
          "Optimizer steps of cosine decay after warm-up, down to --min-lr-ratio x --lr."
              + " Default: ${DEFAULT-VALUE}.")
  private long lrDecaySteps;

  @Option(
      names = "--min-lr-ratio",
      paramLabel = "<ratio>",
      defaultValue = "" + TrainingDefaults.MIN_LR_RATIO,
      converter = DecimalConverter.class,
      description =
          "Final learning rate as a fraction of --lr, 0 to 1. Default: ${DEFAULT-VALUE}.")
  private double minLrRatio;

  @Option(
      names = "--weight-decay",
      paramLabel = "<decay>",
      defaultValue = "" + TrainingDefaults.WEIGHT_DECAY,
      converter = DecimalConverter.class,
      description = "AdamW weight decay; 0 turns it off. Default: ${DEFAULT-VALUE}.")
  private double weightDecay;

  @Option(
      names = "--grad-clip-norm",
      paramLabel = "<norm>",
      defaultValue = "" + TrainingDefaults.GRAD_CLIP_NORM,
      converter = DecimalConverter.class,
      description =
          "Maximum global L2 norm of the gradients; larger gradients are scaled down."
              + " Default: ${DEFAULT-VALUE}.")
  private double gradClipNorm;

  @Option(
      names = "--seed",
      paramLabel = "<seed>",
      defaultValue = "" + TrainingDefaults.SEED,
      converter = WholeNumberConverter.class,
      description = "Seed for the initial weights and the data order. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(
      names = "--epochs",
      paramLabel = "<epochs>",
      defaultValue = "" + TrainingDefaults.EPOCHS,
      converter = WholeNumberConverter.class,
      description =
          "Passes over the chunks at or after the start position. Default: ${DEFAULT-VALUE}.")
  private long epochs;

  @Option(
      names = "--max-chunks",
      paramLabel = "<chunks>",
      converter = WholeNumberConverter.class,
      description = "Stop after training this many chunks. Default: no limit.")
  private Long maxChunks;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "<chunks>",
      defaultValue = "" + TrainingDefaults.CHECKPOINT_INTERVAL_CHUNKS,
      converter = WholeNumberConverter.class,
      description =
          "Commit a checkpoint after every this many trained chunks, and always at the end of"
              + " the run. Default: ${DEFAULT-VALUE}.")
  private long checkpointIntervalChunks;

  @Option(
      names = "--keep-checkpoints",
      paramLabel = "<count>",
      defaultValue = "" + TrainingDefaults.KEEP_CHECKPOINTS,
      converter = WholeNumberConverter.class,
      description =
          "Newest checkpoints to keep; older ones are deleted. Default: ${DEFAULT-VALUE}.")
  private long keepCheckpoints;

  @Option(
      names = "--log-file",
      paramLabel = "<file>",
      description = "Telemetry file (JSON Lines). Default: metrics.jsonl in the save directory.")
  private Path logFile;

  @Option(
      names = "--stop-file",
      paramLabel = "<file>",
      description =
          "When this file appears, the run finishes its current chunk, commits and stops."
              + " Default: none.")
  private Path stopFile;

  @Option(
      names = "--device",
      paramLabel = "<device>",
      defaultValue = TrainingDefaults.DEVICE,
      description = "Device to train on: cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
  private String device;

  @Option(
      names = "--parallel-independent",
      description =
          "Train one replica per worker on its own chunks and average the weights and optimizer"
              + " moments at each checkpoint. More than one worker or CUDA id always trains this"
              + " way; the flag states it explicitly.")
  private boolean parallelIndependent;

  @Option(
      names = "--cuda-ids",
      paramLabel = "<id>",
      split = ",",
      description =
          "CUDA device ids, comma-separated, such as 0,1,2: one worker per id. Overrides --device"
              + " and --workers.")
  private List<String> cudaIds;

  @Option(
      names = "--workers",
      paramLabel = "<workers>",
      defaultValue = "" + TrainingDefaults.WORKERS,
      converter = WholeNumberConverter.class,
      description =
          "Model replicas that train in parallel on --device, 1 to 256; CPU workers share the"
              + " cores. Default: ${DEFAULT-VALUE}.")
  private long workers;

  /**
   * Returns the config these options describe, after core has checked every value.
   *
   * @throws InvalidInputException if a value is invalid or a required option is missing. The
   *     message names the flag, the value and the fix.
   */
  public TrainingConfig toConfig() {
    TrainingConfigBuilder builder = TrainingConfig.builder();
    applyDataset(builder);
    applyModel(builder);
    applyOptimizer(builder);
    applyRun(builder);
    applyDevices(builder);
    return builder.build();
  }

  /**
   * Parses {@code hrm-hf train} arguments into a config, with a command that carries only these
   * options. Used by tests and by anything that needs to read a saved command line.
   *
   * @throws CommandLine.ParameterException if an option is unknown, repeated where it may not be,
   *     lacks its value, or has a value that is not a number where one is expected.
   * @throws InvalidInputException if a value is invalid or a required option is missing.
   */
  public static TrainingConfig parse(String... args) {
    OptionsOnlyCommand command = new OptionsOnlyCommand();
    new CommandLine(command).parseArgs(args);
    return command.options.toConfig();
  }

  private void applyDataset(TrainingConfigBuilder builder) {
    if (datasetFile != null) {
      builder.setDatasetFile(datasetFile);
    }
    if (saveDir != null) {
      builder.setSaveDir(saveDir);
    }
    builder.optDatasetFormat(DatasetFormatOption.parse(datasetFormat));
    if (textFields != null) {
      builder.optTextFields(textFields);
    }
    builder
        .optSamplesPerBlock(IntSetting.SAMPLES_PER_BLOCK.check(samplesPerBlock))
        .optDatasetChunkSize(IntSetting.DATASET_CHUNK_SIZE.check(datasetChunkSize))
        .optStartPosition(StartPosition.parse(startBlockId, startChunkId))
        .optResume(resume)
        .optForceTrain(forceTrain);
    if (resumeFrom != null) {
      builder.optResumeFrom(resumeFrom);
    }
  }

  private void applyModel(TrainingConfigBuilder builder) {
    ModelPreset preset = ModelPreset.parse(modelPreset);
    ModelSpec base = preset.spec();

    ModelSpec model =
        new ModelSpec(
            sizeOr(IntSetting.HIDDEN_SIZE, hiddenSize, base.hiddenSize()),
            sizeOr(IntSetting.NUM_HEADS, numHeads, base.numHeads()),
            sizeOr(IntSetting.H_LAYERS, hLayers, base.hLayers()),
            sizeOr(IntSetting.L_LAYERS, lLayers, base.lLayers()),
            sizeOr(IntSetting.H_CYCLES, hCycles, base.hCycles()),
            sizeOr(IntSetting.L_CYCLES, lCycles, base.lCycles()),
            mlpExpansion == null ? base.expansion() : mlpExpansion);
    builder.optModelPreset(preset).optModel(model);
  }

  private void applyOptimizer(TrainingConfigBuilder builder) {
    builder
        .optBatchSize(IntSetting.BATCH_SIZE.check(batchSize))
        .optMaxSeqLen(IntSetting.MAX_SEQ_LEN.check(maxSeqLen))
        .optLearningRate(learningRate)
        .optWarmupSteps(IntSetting.WARMUP_STEPS.check(warmupSteps))
        .optLrDecaySteps(IntSetting.LR_DECAY_STEPS.check(lrDecaySteps))
        .optMinLrRatio(minLrRatio)
        .optWeightDecay(weightDecay)
        .optGradClipNorm(gradClipNorm)
        .optSeed(seed);
  }

  private void applyRun(TrainingConfigBuilder builder) {
    builder
        .optEpochs(IntSetting.EPOCHS.check(epochs))
        .optCheckpointIntervalChunks(
            IntSetting.CHECKPOINT_INTERVAL_CHUNKS.check(checkpointIntervalChunks))
        .optKeepCheckpoints(IntSetting.KEEP_CHECKPOINTS.check(keepCheckpoints));
    if (maxChunks != null) {
      builder.optMaxChunks(IntSetting.MAX_CHUNKS.check(maxChunks));
    }
    if (logFile != null) {
      builder.optLogFile(logFile);
    }
    if (stopFile != null) {
      builder.optStopFile(stopFile);
    }
  }

  private void applyDevices(TrainingConfigBuilder builder) {
    builder
        .optDevice(device)
        .optParallelIndependent(parallelIndependent)
        .optWorkers(IntSetting.WORKERS.check(workers));
    if (cudaIds != null) {
      cudaIds.forEach(id -> builder.addCudaId(parseCudaId(id)));
    }
  }

  private static int sizeOr(IntSetting setting, Long override, int presetValue) {
    return override == null ? presetValue : setting.check(override);
  }

  private static int parseCudaId(String text) {
    String trimmed = text.trim();
    if (!LIST_ITEM.matcher(trimmed).matches()) {
      throw new InvalidInputException(
          String.format(
              "--cuda-ids '%s' is not a whole number: expected comma-separated GPU ids such as"
                  + " 0,1,2",
              text));
    }
    try {
      return IntSetting.CUDA_ID.check(Long.parseLong(trimmed));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          String.format(
              "--cuda-ids %s is too large: expected GPU ids from 0 to %d",
              trimmed, IntSetting.CUDA_ID.max()),
          e);
    }
  }

  /** A command with these options only, for {@link #parse(String...)}. */
  @Command(name = "train")
  static final class OptionsOnlyCommand {

    @Mixin TrainOptions options;
  }
}
