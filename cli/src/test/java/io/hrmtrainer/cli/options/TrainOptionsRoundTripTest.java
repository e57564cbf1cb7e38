package io.hrmtrainer.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.DatasetFormatOption;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that {@code toCliArgs()} and the JSON form lose nothing, over many random configs. */
class TrainOptionsRoundTripTest {

  private static final int CONFIG_COUNT = 300;
  private static final List<TrainingConfig> CONFIGS = new ArrayList<>();

  @BeforeAll
  static void generateConfigs() {
    RandomConfigs generator = new RandomConfigs(20_240_611L);
    for (int i = 0; i < CONFIG_COUNT; i++) {
      CONFIGS.add(generator.next());
    }
  }

  @Test
  void cliArgsParseBackToSameConfig() {
    for (TrainingConfig config : CONFIGS) {
      List<String> args = config.toCliArgs();

      TrainingConfig parsed = TrainOptions.parse(args.toArray(String[]::new));

      assertThat(parsed).as("parsed from %s", args).isEqualTo(config);
    }
  }

  @Test
  void jsonReadsBackToSameConfig() {
    for (TrainingConfig config : CONFIGS) {
      String json = config.toJson();

      TrainingConfig read = TrainingConfig.fromJson(json);

      assertThat(read).as("read from %s", json).isEqualTo(config);
    }
  }

  @Test
  void cliArgsAreStableAfterRoundTrip() {
    for (TrainingConfig config : CONFIGS) {
      List<String> args = config.toCliArgs();

      List<String> again = TrainOptions.parse(args.toArray(String[]::new)).toCliArgs();

      assertThat(again).isEqualTo(args);
    }
  }

  @Test
  void generatorCoversEveryKindOfValue() {
    assertCovered("JSONL format", c -> c.datasetFormat() == DatasetFormatOption.JSONL);
    assertCovered("text format", c -> c.datasetFormat() == DatasetFormatOption.TEXT);
    assertCovered("auto format", c -> c.datasetFormat() == DatasetFormatOption.AUTO);
    assertCovered("several text fields", c -> c.textFields().size() > 1);
    assertCovered("default text field", c -> c.textFields().equals(List.of("text")));
    assertCovered("dataset path with space", c -> c.datasetFile().toString().contains(" "));
    assertCovered("save dir with space", c -> c.saveDir().toString().contains(" "));
    assertCovered("dash-first path", c -> c.datasetFile().toString().startsWith("-"));
    assertCovered("start override", c -> c.startPosition().isOverride());
    assertCovered("resume without checkpoint", c -> c.isResume() && c.resumeFrom().isEmpty());
    assertCovered("resume from checkpoint", c -> c.resumeFrom().isPresent());
    assertCovered("no resume", c -> !c.isResume());
    assertCovered("force train", TrainingConfig::isForceTrain);
    for (ModelPreset preset : ModelPreset.values()) {
      assertCovered(
          preset + " plain", c -> c.modelPreset() == preset && c.model().equals(preset.spec()));
      assertCovered(
          preset + " overridden",
          c -> c.modelPreset() == preset && !c.model().equals(preset.spec()));
    }
    assertCovered("max chunks set", c -> c.maxChunks().isPresent());
    assertCovered("max chunks unset", c -> c.maxChunks().isEmpty());
    assertCovered("log file set", c -> c.logFile().isPresent());
    assertCovered("log file unset", c -> c.logFile().isEmpty());
    assertCovered("stop file set", c -> c.stopFile().isPresent());
    assertCovered("stop file unset", c -> c.stopFile().isEmpty());
    assertCovered("negative seed", c -> c.seed() < 0);
    assertCovered("cuda device index", c -> c.device().startsWith("cuda:"));
    assertCovered("parallel independent", TrainingConfig::isParallelIndependent);
    assertCovered("several cuda ids", c -> c.cudaIds().size() > 1);
    assertCovered("no cuda ids", c -> c.cudaIds().isEmpty());
    assertCovered("min lr ratio bounds", c -> c.minLrRatio() == 0.0 || c.minLrRatio() == 1.0);
  }

  private static void assertCovered(String description, Predicate<TrainingConfig> condition) {
    assertThat(CONFIGS).as(description).anyMatch(condition);
  }
}
