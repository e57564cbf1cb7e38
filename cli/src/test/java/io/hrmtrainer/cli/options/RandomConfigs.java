package io.hrmtrainer.cli.options;

import io.hrmtrainer.core.config.DatasetFormatOption;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates valid training configs from a seeded {@link Random}, covering every field: optional
 * values present and absent, several text fields, each preset with and without size overrides,
 * boundary values, paths with spaces and values that start with a dash.
 */
final class RandomConfigs {

  private static final List<String> DATASET_FILES =
      List.of(
          "data/train.txt",
          "/tmp/my corpus/shakespeare.txt",
          "records with spaces.jsonl",
          "rel/records.json",
          "-dash-first.txt",
          "donn\u00e9es/\u00e9t\u00e9.jsonl",
          "/data/tiny");
  private static final List<String> SAVE_DIRS =
      List.of("brains/tiny", "/tmp/brain dir", "-brain", "out/run 1/brain", ".");
  private static final List<String> TEXT_FIELDS =
      List.of("text", "title", "body", "field with space", "a=b", "-dash", "content");
  private static final List<String> CHECKPOINTS =
      List.of("ckpt-000012", "ckpt-000000", "/brains/a b/checkpoints/ckpt-000003", "-odd");
  private static final List<String> DEVICES = List.of("cpu", "cuda", "cuda:0", "cuda:7");
  private static final int[] HEAD_COUNTS = {1, 2, 3, 4, 8};

  private final Random random;

  RandomConfigs(long seed) {
    this.random = new Random(seed);
  }

  /** Returns the next random, valid config. */
  TrainingConfig next() {
    TrainingConfigBuilder builder = TrainingConfig.builder();
    dataset(builder);
    resume(builder);
    model(builder);
    optimizer(builder);
    run(builder);
    devices(builder);
    return builder.build();
  }

  private void dataset(TrainingConfigBuilder builder) {
    builder
        .setDatasetFile(Path.of(pick(DATASET_FILES)))
        .setSaveDir(Path.of(pick(SAVE_DIRS)))
        .optDatasetFormat(pick(List.of(DatasetFormatOption.values())));
    List<String> fields = new ArrayList<>(TEXT_FIELDS);
    Collections.shuffle(fields, random);
    fields.subList(0, random.nextInt(4)).forEach(builder::addTextField);

    int samplesPerBlock = oneOf(1, 100_000, 1 + random.nextInt(200_000));
    builder
        .optSamplesPerBlock(samplesPerBlock)
        .optDatasetChunkSize(oneOf(1, samplesPerBlock, 1 + random.nextInt(samplesPerBlock)))
        .optStartBlockId(oneOf(0, Integer.MAX_VALUE, random.nextInt(1000)))
        .optStartChunkId(oneOf(0, Integer.MAX_VALUE, random.nextInt(1000)));
  }

  private void resume(TrainingConfigBuilder builder) {
    builder.optResume(random.nextBoolean()).optForceTrain(random.nextBoolean());
    if (random.nextInt(3) == 0) {
      builder.optResumeFrom(pick(CHECKPOINTS));
    }
  }

  private void model(TrainingConfigBuilder builder) {
    builder.optModelPreset(pick(List.of(ModelPreset.values())));
    if (random.nextBoolean()) {
      int heads = HEAD_COUNTS[random.nextInt(HEAD_COUNTS.length)];
      double expansion = oneOf(2.0, 8.0 / 3.0, 0.01 + random.nextDouble() * 8);
      builder.optModel(
          new ModelSpec(
              heads * 2 * (1 + random.nextInt(32)),
              heads,
              1 + random.nextInt(4),
              1 + random.nextInt(4),
              1 + random.nextInt(4),
              1 + random.nextInt(4),
              expansion));
    }
  }

  private void optimizer(TrainingConfigBuilder builder) {
    builder
        .optBatchSize(oneOf(1, 16, 1 + random.nextInt(512)))
        .optMaxSeqLen(oneOf(8, 65_536, 8 + random.nextInt(4096)))
        .optLearningRate(oneOf(1e-3, Double.MIN_VALUE, Math.exp(-random.nextDouble() * 14)))
        .optWarmupSteps(oneOf(0, 20, random.nextInt(5000)))
        .optLrDecaySteps(oneOf(1, 10_000, 1 + random.nextInt(1_000_000)))
        .optMinLrRatio(oneOf(0.0, 1.0, random.nextDouble()))
        .optWeightDecay(oneOf(0.0, 0.01, random.nextDouble() * 0.2))
        .optGradClipNorm(oneOf(1.0, 1e-9, 1e-6 + random.nextDouble() * 10))
        .optSeed(oneOf(42L, Long.MIN_VALUE, random.nextLong()));
  }

  private void run(TrainingConfigBuilder builder) {
    builder
        .optEpochs(oneOf(1, 3, 1 + random.nextInt(50)))
        .optCheckpointIntervalChunks(oneOf(1, 10, 1 + random.nextInt(200)))
        .optKeepCheckpoints(oneOf(1, 3, 1 + random.nextInt(30)));
    if (random.nextBoolean()) {
      builder.optMaxChunks(oneOf(1, Integer.MAX_VALUE, 1 + random.nextInt(10_000)));
    }
    if (random.nextBoolean()) {
      builder.optLogFile(Path.of(pick(List.of("logs/run.jsonl", "/tmp/a b/metrics.jsonl"))));
    }
    if (random.nextBoolean()) {
      builder.optStopFile(Path.of(pick(List.of("STOP", "/tmp/stop here", "-stop"))));
    }
  }

  private void devices(TrainingConfigBuilder builder) {
    builder
        .optDevice(pick(DEVICES))
        .optParallelIndependent(random.nextBoolean())
        .optWorkers(oneOf(1, 256, 1 + random.nextInt(256)));
    List<Integer> ids = new ArrayList<>(IntStream.range(0, 8).boxed().toList());
    Collections.shuffle(ids, random);
    builder.optCudaIds(ids.subList(0, random.nextInt(5)));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Returns the first value, the second value, or the random third value, the last most often. */
  private <T> T oneOf(T first, T second, T randomValue) {
    return switch (random.nextInt(6)) {
      case 0 -> first;
      case 1 -> second;
      default -> randomValue;
    };
  }
}
