package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.BrainLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hrm-hf plan}: prints the layout and the run plan, and builds, writes and locks nothing.
 */
class PlanCommandTest {

  @TempDir static Path shared;

  private static Path dataset;
  private static Path trainedBrain;

  @TempDir Path temp;

  @BeforeAll
  static void trainTwoChunks() throws IOException {
    dataset = TinyDataset.write(shared, "lines.txt", 600);
    trainedBrain = shared.resolve("brain");

    Cli.Result result =
        TinyDataset.train(
            dataset,
            trainedBrain,
            "--start-block-id",
            "1",
            "--start-chunk-id",
            "2",
            "--max-chunks",
            "2");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void printsLayoutAndNewRunPlan() {
    Path saveDir = temp.resolve("brain");

    Cli.Result result =
        Cli.run(
            TinyDataset.args(
                "plan", dataset, saveDir, "--start-block-id", "1", "--start-chunk-id", "2"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .contains(
            "layout:           600 samples in 3 blocks of 200 samples (4 chunks of 50 each),"
                + " 12 chunks in all; last block: 200 samples in 4 chunks\n")
        .contains("run:              new run (fresh weights and a fresh ledger)\n")
        .contains("start position:   (1, 2) (override), respect the ledger\n")
        .contains(
            "chunks:           12 in all, 6 below the start, 0 already trained at or after it,"
                + " 6 to train\n")
        .contains("first chunk:      (1, 2)\n")
        .contains("worker 0:         cpu, first chunk (1, 2)\n")
        .containsPattern(
            "command:          hrm-hf train --dataset-file .*--start-block-id 1"
                + " --start-chunk-id 2 ");
  }

  @Test
  void buildsNoModelAndCreatesNoBrain() {
    Path saveDir = temp.resolve("brain");

    Cli.Result result = Cli.run(TinyDataset.args("plan", dataset, saveDir));

    assertThat(result.exitCode()).as("%s", result).isZero();
    BrainLayout layout = BrainLayout.of(saveDir);
    assertThat(layout.brainJson()).doesNotExist();
    assertThat(layout.checkpointsDir()).doesNotExist();
    assertThat(layout.metricsJsonl()).doesNotExist();
    assertThat(saveDir).doesNotExist();
  }

  @Test
  void showsConflictWithCheckpointLedger() {
    Cli.Result result =
        Cli.run(
            TinyDataset.args(
                "plan",
                dataset,
                trainedBrain,
                "--resume",
                "--start-block-id",
                "1",
                "--start-chunk-id",
                "2"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .containsPattern("run:              resume from ckpt-000001 \\(.*ckpt-000001\\)\n")
        .contains(
            "chunks:           12 in all, 6 below the start, 2 already trained at or after it,"
                + " 4 to train\n")
        .contains(
            "conflict:         2 chunks at or after the start are already trained (first: (1, 2)"
                + " (1, 3)); they are skipped; pass --force-train to train them again\n")
        .contains("first chunk:      (2, 0)\n");
  }

  @Test
  void leavesExistingBrainUnchanged() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    Map<String, String> before = Brains.snapshot(brain);

    Cli.Result result = Cli.run(TinyDataset.args("plan", dataset, brain, "--resume"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(Brains.snapshot(brain)).isEqualTo(before);
  }

  @Test
  void runsWhileBrainIsLocked() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result;
    try (BrainLock lock = BrainLock.acquire(BrainLayout.of(brain))) {
      result = Cli.run(TinyDataset.args("plan", dataset, brain, "--resume"));
    }

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).contains("first chunk:      (0, 0)\n");
  }
}
