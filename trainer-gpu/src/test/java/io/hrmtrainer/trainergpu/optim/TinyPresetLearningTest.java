package io.hrmtrainer.trainergpu.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.data.BatchIterator;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import io.hrmtrainer.trainergpu.data.ShuffleSeeds;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.model.TinyModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Trains real models on Shakespeare lines: a learning check and an opt-in speed benchmark. */
class TinyPresetLearningTest {

  private static final Path SAMPLES = Path.of("../samples/tinyshakespeare.txt");
  private static final int BATCH = 16;
  private static final int SEQ = 64;

  @Test
  void tinyPresetLowersTheLossWithin150Steps() throws IOException {
    List<Float> losses = train(TinyModels.TINY, GradientMode.ONE_STEP, 150);

    double first = mean(losses.subList(0, 20));
    double last = mean(losses.subList(130, 150));

    assertThat(last).as("mean loss of steps 130-149 vs steps 0-19 (%.3f)", first)
        .isLessThan(first - 1.0);
  }

  /** Trains {@code steps} batches of real text and returns the loss of each step. */
  private static List<Float> train(ModelSpec spec, GradientMode mode, int steps) throws IOException {
    ByteTokenizer tokenizer = new ByteTokenizer(SEQ);
    BatchIterator batches = BatchIterator.forChunk(
        lines(steps * BATCH), tokenizer, BATCH, ShuffleSeeds.forChunk(1L, 0, 0, 0));
    LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 10, 0, 1.0);
    List<Float> losses = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      HrmModel model = TinyModels.newModel(manager, spec, mode, 1L);
      try (AdamW optimizer = AdamW.newInstance(model, manager, AdamWSettings.defaults())) {
        TrainingStep step = new TrainingStep(model, optimizer, schedule, 1.0);
        while (batches.hasNext()) {
          losses.add(step.run(batches.next()).loss());
        }
      }
    }
    return losses;
  }

  private static List<String> lines(int count) throws IOException {
    return Files.readAllLines(SAMPLES, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .limit(count)
        .collect(Collectors.toList());
  }

  private static double mean(List<Float> values) {
    return values.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
  }
}
