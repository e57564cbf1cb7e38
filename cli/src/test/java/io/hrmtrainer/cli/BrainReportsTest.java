package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hrm-hf status} and {@code hrm-hf checkpoints} on a brain that trained (1, 2), (1, 3) and
 * (2, 0) of a 600-line dataset and committed after two chunks and at the end.
 */
class BrainReportsTest {

  @TempDir static Path shared;

  private static Path trainedBrain;

  @TempDir Path temp;

  @BeforeAll
  static void trainThreeChunksTwoCommits() throws IOException {
    Path dataset = TinyDataset.write(shared, "lines.txt", 600);
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
            "3",
            "--checkpoint-every",
            "2");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  /** Truncates {@code ckpt-000002/COMMIT.json} of a copy of the brain and returns the copy. */
  private Path brainWithCorruptNewestCommit() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    Path commit = BrainLayout.of(brain).checkpointDir(2).resolve("COMMIT.json");
    String text = Files.readString(commit);
    Files.writeString(commit, text.substring(0, text.length() / 2));
    return brain;
  }

  @Nested
  class Status {

    @Test
    void summarisesLedgerAndCheckpoints() {
      Cli.Result result = Cli.run("status", "--save-dir", trainedBrain);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out())
          .contains("brain:       " + trainedBrain + "\n")
          .contains("totals:      12 optimizer steps, 150 samples, 3 chunks\n")
          .contains("latest:      ckpt-000002\n")
          .contains("runs:        1\n")
          .contains(
              "  epoch 0, 3 chunks trained in it, 3 completions in all, 12 steps, 150 samples\n")
          .contains("  trained in epoch 0: block 1: 2-3; block 2: 0\n")
          .contains("checkpoints: 2 (2 valid, 0 invalid), newest valid: ckpt-000002\n");
    }

    @Test
    void countsAnInvalidCheckpoint() throws IOException {
      Path brain = brainWithCorruptNewestCommit();

      Cli.Result result = Cli.run("status", "--save-dir", brain);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out())
          .contains("checkpoints: 2 (1 valid, 1 invalid), newest valid: ckpt-000001\n");
    }

    @Test
    void emptyDirectoryIsUntrained() throws IOException {
      Path empty = Files.createDirectory(temp.resolve("empty"));

      Cli.Result result = Cli.run("status", "--save-dir", empty);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out())
          .isEqualTo(
              String.format(
                  "brain:       %s%n"
                      + "brain.json:  missing (no run has trained here yet)%n"
                      + "ledgers:     none%n"
                      + "checkpoints: 0 (0 valid, 0 invalid), newest valid: none%n",
                  empty));
    }

    @Test
    void missingDirectoryIsInvalidInput() {
      Path missing = temp.resolve("missing");

      Cli.Result result = Cli.run("status", "--save-dir", missing);

      assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(result.err())
          .isEqualTo(
              String.format(
                  "hrm-hf: error: brain directory %s does not exist: expected the --save-dir of a"
                      + " training run%n",
                  missing));
      assertThat(missing).doesNotExist();
    }
  }

  @Nested
  class Checkpoints {

    @Test
    void listsCheckpointsAsValid() {
      Cli.Result result = Cli.run("checkpoints", "--save-dir", trainedBrain);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out().lines())
          .hasSize(4)
          .satisfies(
              lines -> {
                assertThat(lines.get(0))
                    .startsWith("checkpoint   valid          step  epoch   chunks");
                assertThat(lines.get(1))
                    .matches("ckpt-000001  valid             8      0        2        100  \\S+Z");
                assertThat(lines.get(2))
                    .matches("ckpt-000002  valid            12      0        3        150  \\S+Z");
                assertThat(lines.get(3)).isEqualTo("newest valid: ckpt-000002");
              });
    }

    @Test
    void corruptCommitIsInvalidWithReason() throws IOException {
      Path brain = brainWithCorruptNewestCommit();

      Cli.Result result = Cli.run("checkpoints", "--save-dir", brain);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out().lines())
          .anySatisfy(line -> assertThat(line).startsWith("ckpt-000001  valid "))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("ckpt-000002  INVALID ")
                      .contains("COMMIT.json cannot be read: "))
          .contains("newest valid: ckpt-000001");
    }

    @Test
    void saysSoWhenThereIsNone() throws IOException {
      Path empty = Files.createDirectory(temp.resolve("empty"));

      Cli.Result result = Cli.run("checkpoints", "--save-dir", empty);

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out())
          .isEqualTo(String.format("no checkpoints in %s%n", empty.resolve("checkpoints")));
    }
  }
}
