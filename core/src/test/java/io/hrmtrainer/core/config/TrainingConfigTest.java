package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.StartPosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

  private static TrainingConfigBuilder minimal() {
    return TrainingConfig.builder()
        .setDatasetFile(Path.of("data/train.txt"))
        .setSaveDir(Path.of("brains/tiny"));
  }

  @Nested
  class Defaults {

    private final TrainingConfig config = minimal().build();

    @Test
    void datasetDefaults() {
      assertThat(config.datasetFormat()).isEqualTo(DatasetFormatOption.AUTO);
      assertThat(config.textFields()).containsExactly("text");
      assertThat(config.samplesPerBlock()).isEqualTo(100_000);
      assertThat(config.datasetChunkSize()).isEqualTo(4_000);
    }

    @Test
    void startPositionIsFirstChunk() {
      assertThat(config.startBlockId()).isZero();
      assertThat(config.startChunkId()).isZero();
      assertThat(config.startPosition()).isEqualTo(StartPosition.FIRST_CHUNK);
    }

    @Test
    void resumeAndForceAreOff() {
      assertThat(config.isResume()).isFalse();
      assertThat(config.resumeFrom()).isEmpty();
      assertThat(config.isForceTrain()).isFalse();
    }

    @Test
    void modelIsTinyPreset() {
      assertThat(config.modelPreset()).isEqualTo(ModelPreset.TINY);
      assertThat(config.model()).isEqualTo(ModelPreset.TINY.spec());
    }

    @Test
    void optimizerDefaults() {
      assertThat(config.batchSize()).isEqualTo(16);
      assertThat(config.maxSeqLen()).isEqualTo(64);
      assertThat(config.learningRate()).isEqualTo(1e-3);
      assertThat(config.warmupSteps()).isEqualTo(20);
      assertThat(config.lrDecaySteps()).isEqualTo(10_000);
      assertThat(config.minLrRatio()).isEqualTo(0.1);
      assertThat(config.weightDecay()).isEqualTo(0.01);
      assertThat(config.gradClipNorm()).isEqualTo(1.0);
      assertThat(config.seed()).isEqualTo(42L);
    }

    @Test
    void runDefaults() {
      assertThat(config.epochs()).isEqualTo(1);
      assertThat(config.maxChunks()).isEmpty();
      assertThat(config.checkpointIntervalChunks()).isEqualTo(10);
      assertThat(config.keepCheckpoints()).isEqualTo(3);
      assertThat(config.logFile()).isEmpty();
      assertThat(config.stopFile()).isEmpty();
    }

    @Test
    void deviceDefaults() {
      assertThat(config.device()).isEqualTo("cpu");
      assertThat(config.isParallelIndependent()).isFalse();
      assertThat(config.cudaIds()).isEmpty();
      assertThat(config.workers()).isEqualTo(1);
    }

    @Test
    void logFileDefaultsIntoSaveDir() {
      assertThat(config.effectiveLogFile()).isEqualTo(Path.of("brains/tiny/metrics.jsonl"));
    }
  }

  @Test
  void missingDatasetFileIsRejected() {
    TrainingConfigBuilder builder = TrainingConfig.builder().setSaveDir(Path.of("brain"));

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error)
        .hasMessage(
            "--dataset-file is missing (dataset_file in JSON): name the text or JSONL file to"
                + " train on, such as --dataset-file data/train.jsonl");
  }

  @Test
  void missingSaveDirIsRejected() {
    TrainingConfigBuilder builder = TrainingConfig.builder().setDatasetFile(Path.of("a.txt"));

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error).hasMessageStartingWith("--save-dir is missing (save_dir in JSON)");
  }

  @Test
  void resumeFromImpliesResume() {
    TrainingConfig config = minimal().optResumeFrom("ckpt-000012").build();

    assertThat(config.isResume()).isTrue();
    assertThat(config.resumeFrom()).contains("ckpt-000012");
  }

  @Test
  void explicitLogFileWins() {
    TrainingConfig config = minimal().optLogFile(Path.of("/tmp/run log.jsonl")).build();

    assertThat(config.effectiveLogFile()).isEqualTo(Path.of("/tmp/run log.jsonl"));
  }

  @Test
  void autoFormatResolvesFromDatasetFile() {
    TrainingConfig config = minimal().setDatasetFile(Path.of("data/records.jsonl")).build();

    assertThat(config.effectiveDatasetFormat())
        .isEqualTo(io.hrmtrainer.core.dataset.DatasetFormat.JSONL);
  }

  @Test
  void textFieldsKeepOrder() {
    TrainingConfig config = minimal().addTextField("title").addTextField("body").build();

    assertThat(config.textFields()).containsExactly("title", "body");
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<Integer> ids = new java.util.ArrayList<>(List.of(0, 1));
    TrainingConfig config = minimal().optCudaIds(ids).build();

    ids.add(2);

    assertThat(config.cudaIds()).containsExactly(0, 1);
    assertThrows(UnsupportedOperationException.class, () -> config.cudaIds().add(3));
    assertThrows(UnsupportedOperationException.class, () -> config.textFields().add("x"));
  }

  @Test
  void toBuilderReproducesConfig() {
    TrainingConfig config =
        minimal()
            .optModelPreset(ModelPreset.SMALL)
            .optModel(new ModelSpec(128, 4, 2, 2, 2, 2, 4.0))
            .optMaxChunks(5)
            .optStopFile(Path.of("STOP"))
            .addCudaId(1)
            .build();

    TrainingConfig copy = config.toBuilder().build();

    assertThat(copy).isEqualTo(config);
    assertThat(copy.hashCode()).isEqualTo(config.hashCode());
  }

  @Test
  void toBuilderFollowsNewPreset() {
    TrainingConfig config = minimal().build();

    TrainingConfig base = config.toBuilder().optModelPreset(ModelPreset.BASE).build();

    assertThat(base.model()).isEqualTo(ModelPreset.BASE.spec());
  }

  @Test
  void clearRemovesOptionalValues() {
    TrainingConfig config =
        minimal().optMaxChunks(3).optLogFile(Path.of("log")).optStopFile(Path.of("stop")).build();

    TrainingConfig cleared =
        config.toBuilder().clearMaxChunks().clearLogFile().clearStopFile().build();

    assertThat(cleared).isEqualTo(minimal().build());
  }

  @Test
  void oneChangedFieldBreaksEquality() {
    TrainingConfig config = minimal().build();

    TrainingConfig other = config.toBuilder().optSeed(43).build();

    assertThat(other).isNotEqualTo(config);
  }

  @Test
  void toStringUsesSnakeCaseKeys() {
    String text = minimal().optMaxChunks(7).build().toString();

    assertThat(text)
        .startsWith("TrainingConfig{dataset_file=data/train.txt, dataset_format=AUTO,")
        .contains("max_chunks=7,")
        .contains("log_file=none,")
        .endsWith("workers=1}");
  }

  @Test
  void cliArgsListEverySetting() {
    List<String> args = minimal().build().toCliArgs();

    assertThat(args)
        .containsExactly(
            "--dataset-file", "data/train.txt",
            "--dataset-format", "auto",
            "--text-field", "text",
            "--save-dir", "brains/tiny",
            "--samples-per-block", "100000",
            "--dataset-chunk-size", "4000",
            "--start-block-id", "0",
            "--start-chunk-id", "0",
            "--model-preset", "tiny",
            "--hidden-size", "64",
            "--num-heads", "4",
            "--h-layers", "1",
            "--l-layers", "1",
            "--h-cycles", "2",
            "--l-cycles", "2",
            "--mlp-expansion", "2.0",
            "--batch-size", "16",
            "--max-seq-len", "64",
            "--lr", "0.001",
            "--warmup-steps", "20",
            "--lr-decay-steps", "10000",
            "--min-lr-ratio", "0.1",
            "--weight-decay", "0.01",
            "--grad-clip-norm", "1.0",
            "--seed", "42",
            "--epochs", "1",
            "--checkpoint-every", "10",
            "--keep-checkpoints", "3",
            "--device", "cpu",
            "--workers", "1");
  }

  @Test
  void cliArgsIncludeFlagsAndOptionalValues() {
    TrainingConfig config =
        minimal()
            .optResumeFrom("ckpt-000012")
            .optForceTrain(true)
            .optParallelIndependent(true)
            .optCudaIds(List.of(0, 2))
            .optSeed(-7)
            .optMaxChunks(4)
            .build();

    List<String> args = config.toCliArgs();

    assertThat(args)
        .containsSubsequence("--resume", "--resume-from", "ckpt-000012", "--force-train")
        .containsSubsequence("--parallel-independent", "--cuda-ids", "0,2")
        .containsSubsequence("--max-chunks", "4")
        .contains("--seed=-7");
  }
}
