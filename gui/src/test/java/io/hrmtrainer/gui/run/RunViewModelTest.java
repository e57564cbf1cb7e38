package io.hrmtrainer.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.gui.Recorders;
import io.hrmtrainer.gui.TinyBrains;
import io.hrmtrainer.gui.run.ChunkMap.CellState;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.TaskRunner;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run view's logic over a real tiny run. A single thread plays the UI thread, so the
 * view model is used from one thread as in the app, and the test reads its state on that thread.
 */
class RunViewModelTest {

  @TempDir Path dir;

  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final Recorders.Screens screens = new Recorders.Screens();

  @AfterEach
  void stopThreads() {
    ui.shutdownNow();
    background.shutdownNow();
  }

  @Test
  void trainsFromStartPosition() throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    TrainingConfig config =
        TinyBrains.config(dataset, dir.resolve("brain")).toBuilder()
            .optStartBlockId(1)
            .optStartChunkId(1)
            .optMaxChunks(2)
            .build();

    RunViewModel run = startAndWait(config);

    RunOutcome outcome = onUi(() -> run.outcomeProperty().get());
    ChunkMap map = onUi(() -> run.chunkMapProperty().get());
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(onUi(() -> map.state(1, 0))).isEqualTo(CellState.BELOW_START);
    assertThat(onUi(() -> map.state(1, 1))).isEqualTo(CellState.TRAINED);
    assertThat(onUi(() -> map.state(1, 2))).isEqualTo(CellState.TRAINED);
    assertThat(onUi(() -> map.count(CellState.TRAINED))).isEqualTo(2);
    assertThat(onUi(() -> run.progressProperty().get())).isEqualTo(1.0);
    assertThat(onUi(() -> run.lossPointsProperty().size())).isPositive();
    assertThat(onUi(() -> run.eventsProperty().stream()
            .filter(line -> line.contains(" chunk_claimed "))
            .findFirst()))
        .hasValueSatisfying(line -> assertThat(line).contains("block_id=1, chunk_id=1"));
    assertThat(onUi(() -> run.errorMessageProperty().get())).isEmpty();
  }

  @Test
  void failureBecomesShortMessageWithDetails() throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    TrainingConfig config = TinyBrains.config(dataset, dir.resolve("brain"));
    Files.delete(dataset);

    RunViewModel run = startAndWait(config);

    assertThat(onUi(() -> run.errorMessageProperty().get()))
        .isEqualTo("dataset file " + dataset + " does not exist: expected a readable text or JSONL"
            + " file; check the path given to --dataset-file");
    assertThat(onUi(() -> run.errorDetailsProperty().get()))
        .contains("InvalidInputException");
    assertThat(onUi(() -> run.runningProperty().get())).isFalse();
    assertThat(onUi(() -> run.statusProperty().get())).isEqualTo("Training did not run.");
  }

  @Test
  void stopNowEndsTheRunAsStopped() throws Exception {
    Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
    TrainingConfig config = TinyBrains.config(dataset, dir.resolve("brain"));
    RunViewModel run = onUi(() -> new RunViewModel(config, services(), screens));

    ui.submit(() -> {
      run.start();
      run.stopNow();
    }).get();
    awaitEnd(run);

    assertThat(onUi(() -> run.outcomeProperty().get().status()))
        .isEqualTo(RunOutcome.Status.STOPPED);
    assertThat(onUi(() -> run.outcomeProperty().get().chunksTrained())).isZero();
  }

  private RunViewModel startAndWait(TrainingConfig config) throws Exception {
    RunViewModel run = onUi(() -> new RunViewModel(config, services(), screens));
    ui.submit(run::start).get();
    awaitEnd(run);
    return run;
  }

  private void awaitEnd(RunViewModel run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (onUi(() -> run.runningProperty().get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the run did not end within 60 s");
      }
      Thread.sleep(20);
    }
  }

  private GuiServices services() {
    return new GuiServices(
        new ManifestCache(dir.resolve("cache")),
        new TaskRunner(background, ui),
        new Recorders.Dialogs(),
        Recorders.CLOCK);
  }

  private <T> T onUi(java.util.concurrent.Callable<T> read) throws Exception {
    Future<T> value = ui.submit(read);
    return value.get(30, TimeUnit.SECONDS);
  }
}
