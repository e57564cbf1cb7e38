package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingConfigValidationTest {

  private static TrainingConfigBuilder minimal() {
    return TrainingConfig.builder()
        .setDatasetFile(Path.of("data/train.txt"))
        .setSaveDir(Path.of("brains/tiny"));
  }

  private static Arguments invalid(
      String name, Consumer<TrainingConfigBuilder> change, String expectedFragment) {

    return arguments(named(name, change), expectedFragment);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        invalid("samples per block 0", b -> b.optSamplesPerBlock(0),
            "--samples-per-block 0 is out of range: expected a whole number of samples >= 1"),
        invalid("chunk size 0", b -> b.optDatasetChunkSize(0),
            "--dataset-chunk-size 0 is out of range"),
        invalid("chunk larger than block",
            b -> b.optSamplesPerBlock(1000).optDatasetChunkSize(1001),
            "--dataset-chunk-size 1001 is larger than --samples-per-block 1000"),
        invalid("start block -1", b -> b.optStartBlockId(-1),
            "start block -1 is invalid: expected a whole number >= 0"),
        invalid("start chunk -3", b -> b.optStartChunkId(-3),
            "start chunk -3 is invalid: expected a whole number >= 0"),
        invalid("blank text field", b -> b.addTextField(" "), "--text-field ' ' is blank"),
        invalid("repeated text field", b -> b.addTextField("a").addTextField("a"),
            "--text-field 'a' is given twice"),
        invalid("blank resume-from", b -> b.optResumeFrom(""), "--resume-from '' is blank"),
        invalid("batch size 0", b -> b.optBatchSize(0),
            "--batch-size 0 is out of range: expected a whole number of samples >= 1"),
        invalid("max seq len 7", b -> b.optMaxSeqLen(7),
            "--max-seq-len 7 is out of range: expected a whole number of byte tokens from 8 to"
                + " 65536"),
        invalid("max seq len 65537", b -> b.optMaxSeqLen(65_537),
            "--max-seq-len 65537 is out of range"),
        invalid("learning rate 0", b -> b.optLearningRate(0.0),
            "--lr 0.0 is out of range: expected a finite number > 0"),
        invalid("learning rate negative", b -> b.optLearningRate(-0.1),
            "--lr -0.1 is out of range"),
        invalid("learning rate NaN", b -> b.optLearningRate(Double.NaN),
            "--lr NaN is out of range"),
        invalid("learning rate infinite", b -> b.optLearningRate(Double.POSITIVE_INFINITY),
            "--lr Infinity is out of range"),
        invalid("warmup steps -1", b -> b.optWarmupSteps(-1),
            "--warmup-steps -1 is out of range: expected a whole number of optimizer steps >= 0"),
        invalid("decay steps 0", b -> b.optLrDecaySteps(0), "--lr-decay-steps 0 is out of range"),
        invalid("min lr ratio below 0", b -> b.optMinLrRatio(-0.01),
            "--min-lr-ratio -0.01 is out of range: expected a number from 0 to 1"),
        invalid("min lr ratio above 1", b -> b.optMinLrRatio(1.5),
            "--min-lr-ratio 1.5 is out of range"),
        invalid("min lr ratio NaN", b -> b.optMinLrRatio(Double.NaN),
            "--min-lr-ratio NaN is out of range"),
        invalid("weight decay negative", b -> b.optWeightDecay(-1e-4),
            "--weight-decay -1.0E-4 is out of range: expected a finite number >= 0"),
        invalid("weight decay infinite", b -> b.optWeightDecay(Double.POSITIVE_INFINITY),
            "--weight-decay Infinity is out of range"),
        invalid("grad clip 0", b -> b.optGradClipNorm(0.0),
            "--grad-clip-norm 0.0 is out of range: expected a finite number > 0"),
        invalid("grad clip NaN", b -> b.optGradClipNorm(Double.NaN),
            "--grad-clip-norm NaN is out of range"),
        invalid("epochs 0", b -> b.optEpochs(0), "--epochs 0 is out of range"),
        invalid("max chunks 0", b -> b.optMaxChunks(0),
            "--max-chunks 0 is out of range: expected a whole number of chunks >= 1"),
        invalid("checkpoint interval 0", b -> b.optCheckpointIntervalChunks(0),
            "--checkpoint-every 0 is out of range"),
        invalid("keep checkpoints 0", b -> b.optKeepCheckpoints(0),
            "--keep-checkpoints 0 is out of range"),
        invalid("workers 0", b -> b.optWorkers(0),
            "--workers 0 is out of range: expected a whole number of workers from 1 to 256"),
        invalid("workers 257", b -> b.optWorkers(257), "--workers 257 is out of range"),
        invalid("negative cuda id", b -> b.addCudaId(-1), "--cuda-ids -1 is out of range"),
        invalid("repeated cuda id", b -> b.optCudaIds(List.of(0, 1, 1)),
            "--cuda-ids lists device 1 twice"),
        invalid("unknown device", b -> b.optDevice("gpu"), "--device 'gpu' is not a known device"),
        invalid("device with bad index", b -> b.optDevice("cuda:x"),
            "--device 'cuda:x' is not a known device"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValues")
  void invalidValueIsRejected(Consumer<TrainingConfigBuilder> change, String expectedFragment) {
    TrainingConfigBuilder builder = minimal();
    change.accept(builder);

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error).hasMessageContaining(expectedFragment);
  }

  static Stream<Named<Consumer<TrainingConfigBuilder>>> boundaryValues() {
    return Stream.of(
        named("chunk equals block", b -> b.optSamplesPerBlock(10).optDatasetChunkSize(10)),
        named("max seq len 8", b -> b.optMaxSeqLen(8)),
        named("max seq len 65536", b -> b.optMaxSeqLen(65_536)),
        named("warmup 0", b -> b.optWarmupSteps(0)),
        named("min lr ratio 0", b -> b.optMinLrRatio(0.0)),
        named("min lr ratio 1", b -> b.optMinLrRatio(1.0)),
        named("weight decay 0", b -> b.optWeightDecay(0.0)),
        named("workers 256", b -> b.optWorkers(256)),
        named("cuda device", b -> b.optDevice("cuda")),
        named("cuda device 3", b -> b.optDevice("cuda:3")),
        named("cuda id 0", b -> b.addCudaId(0)),
        named("start at max int", b -> b.optStartBlockId(Integer.MAX_VALUE)),
        named("negative seed", b -> b.optSeed(Long.MIN_VALUE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaryValues")
  void boundaryValueIsAccepted(Consumer<TrainingConfigBuilder> change) {
    TrainingConfigBuilder builder = minimal();
    change.accept(builder);

    TrainingConfig config = builder.build();

    assertThat(config).isNotNull();
  }

  @Test
  void rangeMessageIsComplete() {
    TrainingConfigBuilder builder = minimal().optBatchSize(0);

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error)
        .hasMessage(
            "--batch-size 0 is out of range: expected a whole number of samples >= 1"
                + " (batch_size in JSON). Fix: pass --batch-size 1 or more.");
  }

  @Test
  void boundedRangeMessageGivesBothBounds() {
    TrainingConfigBuilder builder = minimal().optWorkers(300);

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error)
        .hasMessage(
            "--workers 300 is out of range: expected a whole number of workers from 1 to 256"
                + " (workers in JSON). Fix: pass --workers between 1 and 256.");
  }

  @Test
  void chunkLargerThanBlockMessageGivesFix() {
    TrainingConfigBuilder builder = minimal().optSamplesPerBlock(1000);

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error)
        .hasMessage(
            "--dataset-chunk-size 4000 is larger than --samples-per-block 1000: a chunk must fit"
                + " in one block (dataset_chunk_size <= samples_per_block in JSON)."
                + " Fix: pass --dataset-chunk-size 1000 or less, or raise --samples-per-block.");
  }

  @Test
  void decimalMessageNamesRuleAndExample() {
    TrainingConfigBuilder builder = minimal().optLearningRate(Double.NaN);

    InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);

    assertThat(error)
        .hasMessage(
            "--lr NaN is out of range: expected a finite number > 0 (learning_rate in JSON)."
                + " Fix: pass a small positive rate such as --lr 0.001.");
  }

  @Test
  void intSettingRejectsValuesBeyondInt() {
    long tooLarge = 99_999_999_999L;

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> IntSetting.BATCH_SIZE.check(tooLarge));

    assertThat(error)
        .hasMessage(
            "--batch-size 99999999999 is out of range: expected a whole number of samples from 1"
                + " to 2147483647 (batch_size in JSON). Fix: pass --batch-size 1 or more.");
  }
}
