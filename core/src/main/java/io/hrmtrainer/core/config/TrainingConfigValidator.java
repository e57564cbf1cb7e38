package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.StartPosition;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link TrainingConfig}: required values first, then each value on its own, then the
 * relations between values. The first problem found is thrown.
 */
final class TrainingConfigValidator {

  private static final Pattern DEVICE = Pattern.compile("cpu|cuda|cuda:[0-9]{1,9}");

  private TrainingConfigValidator() {}

  static void validate(TrainingConfig config) {
    checkRequired(config);
    checkDataset(config);
    checkResume(config);
    checkOptimizer(config);
    checkRun(config);
    checkDevices(config);
  }

  private static void checkRequired(TrainingConfig config) {
    if (config.datasetFile() == null) {
      throw new InvalidInputException(
          "--dataset-file is missing (dataset_file in JSON): name the text or JSONL file to train"
              + " on, such as --dataset-file data/train.jsonl");
    }
    if (config.saveDir() == null) {
      throw new InvalidInputException(
          "--save-dir is missing (save_dir in JSON): name the brain directory that stores"
              + " checkpoints and metrics, such as --save-dir brains/tiny");
    }
  }

  private static void checkDataset(TrainingConfig config) {
    Set<String> seen = new HashSet<>();
    for (String field : config.textFields()) {
      if (field.isBlank()) {
        throw new InvalidInputException(
            String.format(
                "--text-field '%s' is blank (text_fields in JSON): expected the name of a JSONL"
                    + " field. Fix: pass --text-field text, or the field that contains the sample.",
                field));
      }
      if (!seen.add(field)) {
        throw new InvalidInputException(
            String.format(
                "--text-field '%s' is given twice (text_fields in JSON): each field is joined"
                    + " into the sample once. Fix: list each field once.",
                field));
      }
    }
    IntSetting.SAMPLES_PER_BLOCK.check(config.samplesPerBlock());
    IntSetting.DATASET_CHUNK_SIZE.check(config.datasetChunkSize());
    if (config.datasetChunkSize() > config.samplesPerBlock()) {
      throw new InvalidInputException(
          String.format(
              "--dataset-chunk-size %d is larger than --samples-per-block %d: a chunk must fit"
                  + " in one block (dataset_chunk_size <= samples_per_block in JSON)."
                  + " Fix: pass --dataset-chunk-size %d or less, or raise --samples-per-block.",
              config.datasetChunkSize(), config.samplesPerBlock(), config.samplesPerBlock()));
    }
    StartPosition.of(config.startBlockId(), config.startChunkId());
  }

  private static void checkResume(TrainingConfig config) {
    if (config.resumeFrom().isPresent() && config.resumeFrom().get().isBlank()) {
      throw new InvalidInputException(
          String.format(
              "--resume-from '%s' is blank (resume_from in JSON): expected a checkpoint name such"
                  + " as ckpt-000012 or a checkpoint directory. Fix: pass a name, or use --resume"
                  + " alone to resume from the newest valid checkpoint.",
              config.resumeFrom().get()));
    }
  }

  private static void checkOptimizer(TrainingConfig config) {
    IntSetting.BATCH_SIZE.check(config.batchSize());
    IntSetting.MAX_SEQ_LEN.check(config.maxSeqLen());
    DoubleSetting.LEARNING_RATE.check(config.learningRate());
    IntSetting.WARMUP_STEPS.check(config.warmupSteps());
    IntSetting.LR_DECAY_STEPS.check(config.lrDecaySteps());
    DoubleSetting.MIN_LR_RATIO.check(config.minLrRatio());
    DoubleSetting.WEIGHT_DECAY.check(config.weightDecay());
    DoubleSetting.GRAD_CLIP_NORM.check(config.gradClipNorm());
  }

  private static void checkRun(TrainingConfig config) {
    IntSetting.EPOCHS.check(config.epochs());
    if (config.maxChunks().isPresent()) {
      IntSetting.MAX_CHUNKS.check(config.maxChunks().getAsInt());
    }
    IntSetting.CHECKPOINT_INTERVAL_CHUNKS.check(config.checkpointIntervalChunks());
    IntSetting.KEEP_CHECKPOINTS.check(config.keepCheckpoints());
  }

  private static void checkDevices(TrainingConfig config) {
    if (!DEVICE.matcher(config.device()).matches()) {
      throw new InvalidInputException(
          String.format(
              "--device '%s' is not a known device: expected cpu, cuda or cuda:N where N is a GPU"
                  + " index (device in JSON). Fix: pass --device cpu or --device cuda:0.",
              config.device()));
    }

    Set<Integer> seen = new HashSet<>();
    for (int cudaId : config.cudaIds()) {
      IntSetting.CUDA_ID.check(cudaId);
      if (!seen.add(cudaId)) {
        throw new InvalidInputException(
            String.format(
                "--cuda-ids lists device %d twice (cuda_ids in JSON): each GPU runs one worker."
                    + " Fix: list each id once, such as --cuda-ids 0,1,2.",
                cudaId));
      }
    }
    IntSetting.WORKERS.check(config.workers());
  }
}
