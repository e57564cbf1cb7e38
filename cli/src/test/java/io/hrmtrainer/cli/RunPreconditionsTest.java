package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings that would only fail after a run started are rejected before it starts: exit code 2,
 * one message, and the brain left as it was.
 */
class RunPreconditionsTest {

  @TempDir static Path shared;

  private static Path dataset;
  private static Path trainedBrain;

  @TempDir Path temp;

  @BeforeAll
  static void trainOneChunk() throws IOException {
    dataset = TinyDataset.write(shared, "lines.txt", 600);
    trainedBrain = shared.resolve("brain");

    Cli.Result result = TinyDataset.train(dataset, trainedBrain, "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void existingStopFileIsRejected() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    Path stopFile = Files.createFile(temp.resolve("stop"));
    Map<String, String> before = Brains.snapshot(brain);

    Cli.Result result =
        TinyDataset.train(dataset, brain, "--resume", "--stop-file", stopFile.toString());

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("stop file " + stopFile + " already exists");
    assertThat(Brains.snapshot(brain)).isEqualTo(before);
  }

  @Test
  void logFileDirectoryIsRejected() throws IOException {
    Path logDir = Files.createDirectories(temp.resolve("logs"));
    Path brain = temp.resolve("new-brain");

    Cli.Result result = TinyDataset.train(dataset, brain, "--log-file", logDir.toString());

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("log file " + logDir + " is a directory");
    assertThat(brain).doesNotExist();
  }

  @Test
  void resumeWithInvalidCheckpointsIsRejected() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    Path commit = BrainLayout.of(brain).checkpointDir(1).resolve("COMMIT.json");
    Files.delete(commit);
    Map<String, String> before = Brains.snapshot(brain);

    Cli.Result result = TinyDataset.train(dataset, brain, "--resume");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("--resume was given but no checkpoint")
        .contains("ckpt-000001")
        .contains("drop --resume to start a new run");
    assertThat(Brains.snapshot(brain)).isEqualTo(before);
  }
}
