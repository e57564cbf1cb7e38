package io.hrmtrainer.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.gui.Recorders;
import io.hrmtrainer.gui.TinyBrains;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupViewModelTest {

  @TempDir Path dir;

  private final Recorders.Dialogs dialogs = new Recorders.Dialogs();
  private final Recorders.Screens screens = new Recorders.Screens();
  private SetupViewModel form;
  private Path dataset;

  @BeforeEach
  void createForm() throws IOException {
    dataset = TinyBrains.writeDataset(dir, "data.txt", 100);
    form = new SetupViewModel(dialogs, screens);
  }

  @Test
  void emptyFormNamesMissingDataset() {
    assertThat(form.getError(SetupField.DATASET_FILE))
        .isEqualTo("--dataset-file is missing (dataset_file in JSON): name the text or JSONL file"
            + " to train on, such as --dataset-file data/train.jsonl");
    assertThat(form.startDisabledProperty().get()).isTrue();
    assertThat(form.getConfig()).isNull();
  }

  @Test
  void validFormBuildsShownConfig() {
    fillPaths();
    form.setInput(SetupField.BATCH_SIZE, "8");
    form.setInput(SetupField.LEARNING_RATE, "0.003");
    form.setInput(SetupField.MAX_CHUNKS, "5");
    form.modelPresetProperty().set(ModelPreset.SMALL);

    TrainingConfig config = form.getConfig();

    assertThat(config.datasetFile()).isEqualTo(dataset);
    assertThat(config.saveDir()).isEqualTo(dir.resolve("brain"));
    assertThat(config.batchSize()).isEqualTo(8);
    assertThat(config.learningRate()).isEqualTo(0.003);
    assertThat(config.maxChunks()).hasValue(5);
    assertThat(config.modelPreset()).isEqualTo(ModelPreset.SMALL);
    assertThat(config.startPosition().isOverride()).isFalse();
    assertThat(config.isResume()).isFalse();
    assertThat(form.startDisabledProperty().get()).isFalse();
  }

  @Test
  void nonNumericBatchSizeIsExplained() {
    fillPaths();

    form.setInput(SetupField.BATCH_SIZE, "abc");

    assertThat(form.getError(SetupField.BATCH_SIZE))
        .isEqualTo("--batch-size 'abc' is not a whole number: expected digits only, such as 1");
    assertThat(form.getConfig()).isNull();
  }

  @Test
  void outOfRangeValueShowsCoresMessage() {
    fillPaths();

    form.setInput(SetupField.BATCH_SIZE, "0");

    assertThat(form.getError(SetupField.BATCH_SIZE))
        .isEqualTo("--batch-size 0 is out of range: expected a whole number of samples >= 1"
            + " (batch_size in JSON). Fix: pass --batch-size 1 or more.");
  }

  @Test
  void chunkLargerThanBlockIsRejected() {
    fillPaths();

    form.setInput(SetupField.SAMPLES_PER_BLOCK, "100");
    form.setInput(SetupField.CHUNK_SIZE, "200");

    assertThat(form.getError(SetupField.CHUNK_SIZE))
        .startsWith("--dataset-chunk-size 200 is larger than --samples-per-block 100");
    assertThat(form.getError(SetupField.SAMPLES_PER_BLOCK)).isEmpty();
    assertThat(form.startDisabledProperty().get()).isTrue();
  }

  @Test
  void missingDatasetFileIsRejected() {
    fillPaths();

    form.setInput(SetupField.DATASET_FILE, dir.resolve("nope.txt").toString());

    assertThat(form.getError(SetupField.DATASET_FILE))
        .isEqualTo("--dataset-file '" + dir.resolve("nope.txt") + "' is not a readable file:"
            + " choose an existing text or JSONL file with Browse");
  }

  @Test
  void workersCountOnlyWithParallelIndependent() {
    fillPaths();
    form.setInput(SetupField.WORKERS, "3");

    int withoutParallel = form.getConfig().workers();
    form.parallelIndependentProperty().set(true);
    int withParallel = form.getConfig().workers();

    assertThat(withoutParallel).isEqualTo(1);
    assertThat(withParallel).isEqualTo(3);
    assertThat(form.getConfig().isParallelIndependent()).isTrue();
  }

  @Test
  void unknownDeviceIsRejected() {
    fillPaths();

    form.setInput(SetupField.DEVICE, "tpu");

    assertThat(form.getError(SetupField.DEVICE)).startsWith("--device 'tpu' is not a known device");
  }

  @Test
  void startTrainingOpensCheckpointScreen() {
    fillPaths();

    form.startTraining();

    assertThat(screens.visits).containsExactly("checkpoints");
    assertThat(screens.configs).containsExactly(form.getConfig());
  }

  @Test
  void startTrainingDoesNothingWhileInvalid() {
    form.startTraining();

    assertThat(screens.visits).isEmpty();
  }

  @Test
  void browseFillsDatasetFromChooser() {
    dialogs.nextChoice = Optional.of(dataset);

    form.browseDatasetFile();

    assertThat(form.inputProperty(SetupField.DATASET_FILE).get()).isEqualTo(dataset.toString());
  }

  private void fillPaths() {
    form.setInput(SetupField.DATASET_FILE, dataset.toString());
    form.setInput(SetupField.SAVE_DIR, dir.resolve("brain").toString());
  }
}
