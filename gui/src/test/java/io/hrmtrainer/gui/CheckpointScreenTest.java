package io.hrmtrainer.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetryReader;
import io.hrmtrainer.gui.checkpoint.CheckpointRow;
import io.hrmtrainer.gui.checkpoint.CheckpointViewModel;
import io.hrmtrainer.gui.checkpoint.TrainCommandLine;
import io.hrmtrainer.gui.run.RunViewModel;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.TaskRunner;
import io.hrmtrainer.gui.setup.SetupField;
import io.hrmtrainer.gui.setup.SetupViewModel;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window, driven headless through TestFX and Monocle: setup, then the checkpoint screen
 * that "Start Training" always opens, then a real tiny run.
 */
@ExtendWith(ApplicationExtension.class)
class CheckpointScreenTest {

  @TempDir static Path shared;

  private AppWindow window;
  private ExecutorService background;
  private Path dir;

  @Start
  void start(Stage stage) throws IOException {
    dir = Files.createTempDirectory(shared, "case-");
    background = Executors.newCachedThreadPool(work -> {
      Thread thread = new Thread(work, "gui-test-background");
      thread.setDaemon(true);
      return thread;
    });
    GuiServices services =
        new GuiServices(
            new ManifestCache(dir.resolve("cache")),
            new TaskRunner(background, Platform::runLater),
            new Recorders.Dialogs(),
            Clock.systemDefaultZone());
    window = new AppWindow(stage, services);
    window.show();
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void newBrainDisablesResume(FxRobot robot) throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    fillSetup(robot, dataset, dir.resolve("new-brain"));

    robot.clickOn("Start Training");
    CheckpointViewModel screen = awaitCheckpointScreen();

    assertThat(robot.lookup("#resumeRadio").queryAs(RadioButton.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#newRunRadio").queryAs(RadioButton.class).isSelected()).isTrue();
    Label warning = robot.lookup("#resumeWarningLabel").queryAs(Label.class);
    assertThat(warning.isVisible()).isTrue();
    assertThat(warning.getText()).startsWith("No checkpoint found in ")
        .endsWith(", so Resume is not available. Start New Run trains fresh weights.");
    awaitStartEnabled(screen);
    assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isFalse();
  }

  @Test
  void listSelectsNewestValid(FxRobot robot)
      throws Exception {
    openTrainedBrain(robot, "");

    TableView<?> table = robot.lookup("#checkpointTable").queryAs(TableView.class);

    assertThat(table.getItems()).extracting(row -> ((CheckpointRow) row).name())
        .containsExactly("ckpt-000001", "ckpt-000002", "ckpt-000003");
    assertThat(((CheckpointRow) table.getSelectionModel().getSelectedItem()).name())
        .isEqualTo("ckpt-000002");
    assertThat(((CheckpointRow) table.getItems().get(2)).status()).startsWith("invalid: ");
    assertThat(robot.lookup("#resumeRadio").queryAs(RadioButton.class).isSelected()).isTrue();
  }

  @Test
  void positionTakesWholeNumbersOnly(FxRobot robot) throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    fillSetup(robot, dataset, dir.resolve("new-brain"));
    robot.clickOn("Start Training");
    CheckpointViewModel screen = awaitCheckpointScreen();
    TextField block = robot.lookup("#blockField").queryAs(TextField.class);

    robot.doubleClickOn(block).write("-x1.5");

    assertThat(block.getText()).isEqualTo("15");
    assertThat(screen.blockTextProperty().get()).isEqualTo("15");
  }

  @Test
  void outOfRangePositionDisablesStart(FxRobot robot) throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    fillSetup(robot, dataset, dir.resolve("new-brain"));
    robot.clickOn("Start Training");
    CheckpointViewModel screen = awaitCheckpointScreen();
    awaitStartEnabled(screen);

    robot.doubleClickOn("#blockField").write("7");

    assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#startBlockedLabel").queryAs(Label.class).getText())
        .isEqualTo("start block 7 is out of range: the dataset has 3 blocks (0-2)");
  }

  @Test
  void conflictOffersRespectOrForce(FxRobot robot) throws Exception {
    CheckpointViewModel screen = openTrainedBrain(robot, "");
    VBox conflict = robot.lookup("#conflictBox").queryAs(VBox.class);

    assertThat(conflict.isVisible()).isTrue();
    assertThat(robot.lookup("#respectRadio").queryAs(RadioButton.class).getText())
        .isEqualTo("Respect tracker (skip 2 already-trained chunks)");
    assertThat(robot.lookup("#forceRadio").queryAs(RadioButton.class).getText())
        .isEqualTo("Force train from the selected position (train all 12 chunks from (0, 0),"
            + " 2 of them again)");

    robot.doubleClickOn("#chunkField").write("1");
    awaitStartEnabled(screen);

    assertThat(robot.lookup("#respectRadio").queryAs(RadioButton.class).getText())
        .isEqualTo("Respect tracker (skip 1 already-trained chunks)");

    robot.doubleClickOn("#chunkField").write("2");
    awaitStartEnabled(screen);

    assertThat(conflict.isVisible()).isFalse();
  }

  @Test
  void startRunsTheShownConfig(FxRobot robot) throws Exception {
    CheckpointViewModel screen = openTrainedBrain(robot, "1");
    robot.doubleClickOn("#chunkField").write("1");
    awaitStartEnabled(screen);
    robot.clickOn("#forceRadio");
    awaitStartEnabled(screen);
    String shownCommand = robot.lookup("#commandArea").queryAs(TextArea.class).getText();

    robot.clickOn("#startButton");
    RunViewModel run = awaitRunEnd();

    TrainingConfig started = run.getConfig();
    assertThat(TrainCommandLine.of(started)).isEqualTo(shownCommand);
    assertThat(started.startPosition().toString()).isEqualTo("(0, 1)");
    assertThat(started.resumeFrom()).hasValue("ckpt-000002");
    assertThat(started.isForceTrain()).isTrue();
    RunOutcome outcome = run.outcomeProperty().get();
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(firstClaim(started, outcome.runId())).containsExactly(0, 1);
  }

  private void fillSetup(FxRobot robot, Path dataset, Path brain) {
    fillSetup(robot, dataset, brain, "");
  }

  private void fillSetup(FxRobot robot, Path dataset, Path brain, String maxChunks) {
    SetupViewModel form = window.setupView().viewModel();
    robot.interact(() -> {
      form.setInput(SetupField.DATASET_FILE, dataset.toString());
      form.setInput(SetupField.SAVE_DIR, brain.toString());
      form.setInput(SetupField.SAMPLES_PER_BLOCK, String.valueOf(TinyBrains.SAMPLES_PER_BLOCK));
      form.setInput(SetupField.CHUNK_SIZE, String.valueOf(TinyBrains.CHUNK_SIZE));
      form.setInput(SetupField.BATCH_SIZE, "16");
      form.setInput(SetupField.MAX_SEQ_LEN, "32");
      form.setInput(SetupField.MAX_CHUNKS, maxChunks);
    });
  }

  private CheckpointViewModel openTrainedBrain(FxRobot robot, String maxChunks)
      throws Exception {

    Path brain = TinyBrains.copyTrainedBrain(dir.resolve("trained-brain"));
    fillSetup(robot, TinyBrains.trainedDataset(), brain, maxChunks);
    robot.clickOn("Start Training");
    CheckpointViewModel screen = awaitCheckpointScreen();
    awaitStartEnabled(screen);
    return screen;
  }

  private CheckpointViewModel awaitCheckpointScreen() throws TimeoutException {
    await(() -> window.checkpointView().isPresent());
    CheckpointViewModel screen = window.checkpointView().get().viewModel();
    await(() -> screen.layoutKnownProperty().get()
        && !screen.checkpointsStatusProperty().get().startsWith("Looking"));
    return screen;
  }

  private static void awaitStartEnabled(CheckpointViewModel screen) throws TimeoutException {
    await(() -> !screen.startDisabledProperty().get()
        || screen.startBlockedReasonProperty().get().startsWith("start "));
  }

  private RunViewModel awaitRunEnd() throws TimeoutException {
    await(() -> window.runView().isPresent());
    RunViewModel run = window.runView().get().viewModel();
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> run.outcomeProperty().get() != null
        || !run.errorMessageProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(run.errorMessageProperty().get()).isEmpty();
    return run;
  }

  private static List<Integer> firstClaim(TrainingConfig config, String runId) throws IOException {
    TelemetryEvent claim =
        TelemetryReader.readEvents(config.effectiveLogFile()).stream()
            .filter(event -> event.runId().equals(runId))
            .filter(event -> event.name().equals(EventNames.CHUNK_CLAIMED))
            .findFirst()
            .orElseThrow();
    return List.of(
        ((Number) claim.field("block_id").orElseThrow()).intValue(),
        ((Number) claim.field("chunk_id").orElseThrow()).intValue());
  }

  private static void await(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

}
