package io.hrmtrainer.gui.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.gui.Recorders;
import io.hrmtrainer.gui.TinyBrains;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint screen's logic, with every background task run on the test thread. */
class CheckpointViewModelTest {

  @TempDir Path dir;

  private final Recorders.Dialogs dialogs = new Recorders.Dialogs();
  private final Recorders.Screens screens = new Recorders.Screens();

  private CheckpointViewModel open(TrainingConfig base) {
    CheckpointViewModel screen =
        new CheckpointViewModel(base, Recorders.directServices(dir.resolve("cache"), dialogs), screens);
    screen.load();
    return screen;
  }

  @Nested
  class NewBrain {

    private CheckpointViewModel openNew() throws IOException {
      Path dataset = TinyBrains.writeDataset(dir, "data.txt", TinyBrains.LINES);
      return open(TinyBrains.config(dataset, dir.resolve("brain")));
    }

    @Test
    void disablesResumeWithAWarning() throws IOException {
      CheckpointViewModel screen = openNew();

      assertThat(screen.resumeAvailableProperty().get()).isFalse();
      assertThat(screen.runChoiceProperty().get()).isEqualTo(RunChoice.NEW_RUN);
      assertThat(screen.resumeWarningProperty().get())
          .isEqualTo("No checkpoint found in " + dir.resolve("brain").resolve("checkpoints")
              + ", so Resume is not available. Start New Run trains fresh weights.");
    }

    @Test
    void allowsNewRunFromFirstChunk() throws IOException {
      CheckpointViewModel screen = openNew();

      assertThat(screen.startDisabledProperty().get()).isFalse();
      assertThat(screen.getConfig().isResume()).isFalse();
      assertThat(screen.getConfig().startPosition().isOverride()).isFalse();
      assertThat(screen.planTextProperty().get())
          .isEqualTo("Epoch 0: first chunk (0, 0), 12 chunks to train, 0 below the start position.");
    }

    @Test
    void showsTheDatasetLayout() throws IOException {
      CheckpointViewModel screen = openNew();

      assertThat(screen.layoutKnownProperty().get()).isTrue();
      assertThat(screen.layoutTextProperty().get())
          .isEqualTo("600 samples in 3 blocks. A full block has 200 samples in 4 chunks of 50;"
              + " the last block has 200 samples in 4 chunks. 12 chunks in all.");
    }

    @Test
    void outOfRangeBlockDisablesStart() throws IOException {
      CheckpointViewModel screen = openNew();

      screen.blockTextProperty().set("7");

      assertThat(screen.positionErrorProperty().get())
          .isEqualTo("start block 7 is out of range: the dataset has 3 blocks (0-2)");
      assertThat(screen.startDisabledProperty().get()).isTrue();
      assertThat(screen.startBlockedReasonProperty().get())
          .isEqualTo(screen.positionErrorProperty().get());
    }

    @Test
    void outOfRangeChunkNamesBlockChunks() throws IOException {
      CheckpointViewModel screen = openNew();

      screen.blockTextProperty().set("2");
      screen.chunkTextProperty().set("4");

      assertThat(screen.positionErrorProperty().get())
          .isEqualTo("start chunk 4 is out of range: block 2 has 4 chunks (0-3)");
    }

    @Test
    void emptyBlockIsReported() throws IOException {
      CheckpointViewModel screen = openNew();

      screen.blockTextProperty().set("");

      assertThat(screen.positionErrorProperty().get())
          .isEqualTo("start block '' is not a whole number: expected digits only, such as 0 or 12");
      assertThat(screen.getConfig()).isNull();
    }

    @Test
    void commandLineIsTheConfigsArguments() throws IOException {
      CheckpointViewModel screen = openNew();
      screen.blockTextProperty().set("1");
      screen.chunkTextProperty().set("2");

      screen.copyCommandLine();

      assertThat(screen.commandLineProperty().get())
          .isEqualTo(TrainCommandLine.of(screen.getConfig()))
          .contains("--start-block-id 1 --start-chunk-id 2");
      assertThat(dialogs.clipboard).containsExactly(screen.commandLineProperty().get());
    }

    @Test
    void startHandsOverShownConfig() throws IOException {
      CheckpointViewModel screen = openNew();
      screen.chunkTextProperty().set("3");

      screen.start();

      assertThat(screens.visits).containsExactly("run");
      assertThat(screens.configs).containsExactly(screen.getConfig());
      assertThat(screens.configs.get(0).startChunkId()).isEqualTo(3);
    }
  }

  @Nested
  class TrainedBrain {

    private CheckpointViewModel openTrained() throws IOException {
      Path brain = TinyBrains.copyTrainedBrain(dir.resolve("brain"));
      return open(TinyBrains.config(TinyBrains.trainedDataset(), brain));
    }

    @Test
    void listsAllAndSelectsNewestValid() throws IOException {
      CheckpointViewModel screen = openTrained();

      assertThat(screen.checkpointsProperty())
          .extracting(CheckpointRow::name)
          .containsExactly("ckpt-000001", "ckpt-000002", "ckpt-000003");
      assertThat(screen.checkpointsProperty().get(2).status()).startsWith("invalid: ");
      assertThat(screen.selectedCheckpointProperty().get().name()).isEqualTo("ckpt-000002");
      assertThat(screen.runChoiceProperty().get()).isEqualTo(RunChoice.RESUME);
      assertThat(screen.resumeWarningProperty().get()).isEmpty();
    }

    @Test
    void showsTheCheckpointsCounters() throws IOException {
      CheckpointViewModel screen = openTrained();

      CheckpointRow newest = screen.selectedCheckpointProperty().get();

      assertThat(newest.epoch()).isEqualTo("0");
      assertThat(newest.chunksCommitted()).isEqualTo("2");
      assertThat(newest.step()).isEqualTo("8");
      assertThat(newest.valid()).isTrue();
    }

    @Test
    void conflictShowsPlanCounts() throws IOException {
      CheckpointViewModel screen = openTrained();

      assertThat(screen.conflictProperty().get()).isTrue();
      assertThat(screen.respectLabelProperty().get())
          .isEqualTo("Respect tracker (skip 2 already-trained chunks)");
      assertThat(screen.forceLabelProperty().get())
          .isEqualTo("Force train from the selected position (train all 12 chunks from (0, 0),"
              + " 2 of them again)");
    }

    @Test
    void laterPositionShrinksTheConflict() throws IOException {
      CheckpointViewModel screen = openTrained();

      screen.chunkTextProperty().set("1");

      assertThat(screen.respectLabelProperty().get())
          .isEqualTo("Respect tracker (skip 1 already-trained chunks)");
    }

    @Test
    void positionAfterTrainedChunksHasNoConflict() throws IOException {
      CheckpointViewModel screen = openTrained();

      screen.chunkTextProperty().set("2");

      assertThat(screen.conflictProperty().get()).isFalse();
      assertThat(screen.getConfig().isForceTrain()).isFalse();
    }

    @Test
    void forceAnswerGoesIntoTheConfig() throws IOException {
      CheckpointViewModel screen = openTrained();

      screen.conflictChoiceProperty().set(ConflictChoice.FORCE);

      assertThat(screen.getConfig().isForceTrain()).isTrue();
      assertThat(screen.getConfig().resumeFrom()).hasValue("ckpt-000002");
      assertThat(screen.commandLineProperty().get()).contains("--force-train");
      assertThat(screen.planTextProperty().get())
          .isEqualTo("Epoch 0: first chunk (0, 0), 12 chunks to train, 0 below the start position.");
    }

    @Test
    void respectAnswerSkipsTheTrainedChunks() throws IOException {
      CheckpointViewModel screen = openTrained();

      assertThat(screen.getConfig().isForceTrain()).isFalse();
      assertThat(screen.planTextProperty().get())
          .isEqualTo("Epoch 0: first chunk (0, 2), 10 chunks to train, 0 below the start position,"
              + " 2 skipped as already trained.");
    }

    @Test
    void invalidCheckpointCannotBeResumed() throws IOException {
      CheckpointViewModel screen = openTrained();

      screen.selectedCheckpointProperty().set(screen.checkpointsProperty().get(2));

      assertThat(screen.startDisabledProperty().get()).isTrue();
      assertThat(screen.startBlockedReasonProperty().get())
          .startsWith("Checkpoint ckpt-000003 cannot be resumed (invalid: ");
    }

    @Test
    void newRunArchivesLedgerNote() throws IOException {
      CheckpointViewModel screen = openTrained();

      screen.runChoiceProperty().set(RunChoice.NEW_RUN);

      assertThat(screen.ledgerNoteProperty().get())
          .startsWith("This brain already has a ledger for this dataset. A new run archives it as"
              + " chunk_tracker_state.json")
          .endsWith("(renamed, not deleted) and starts a fresh ledger.");
      assertThat(screen.conflictProperty().get()).isFalse();
      assertThat(screen.getConfig().isResume()).isFalse();
    }

    @Test
    void resumeKeepsNoLedgerNote() throws IOException {
      CheckpointViewModel screen = openTrained();

      assertThat(screen.ledgerNoteProperty().get()).isEmpty();
    }
  }
}
