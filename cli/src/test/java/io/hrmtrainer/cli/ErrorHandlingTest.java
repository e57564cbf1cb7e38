package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.BrainLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error output that are not about the dataset or the start position. */
class ErrorHandlingTest {

  @TempDir Path temp;

  private Path dataset;

  @BeforeEach
  void writeDataset() throws IOException {
    dataset = TinyDataset.write(temp, "lines.txt", 600);
  }

  @Test
  void brainInUseExitsFour() throws IOException {
    Path brain = temp.resolve("brain");

    Cli.Result result;
    try (BrainLock lock = BrainLock.acquire(BrainLayout.of(brain))) {
      result = TinyDataset.train(dataset, brain, "--max-chunks", "1");
    }

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.BRAIN_IN_USE);
    assertThat(result.err()).contains("hrm-hf: error: ").contains(brain.toString());
    assertThat(result.err()).doesNotContain("\tat ");
    assertThat(BrainLayout.of(brain).metricsJsonl()).doesNotExist();
    assertThat(BrainLayout.of(brain).checkpointsDir()).doesNotExist();
  }

  @Test
  void internalErrorHasNoStackTrace() throws IOException {
    Path brain = brainWhoseDescriptorIsADirectory();

    Cli.Result result = TinyDataset.train(dataset, brain, "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INTERNAL_ERROR);
    assertThat(result.err())
        .contains("hrm-hf: error: ")
        .endsWith(String.format("hrm-hf: run again with --verbose for the stack trace%n"))
        .doesNotContain("\tat ");
  }

  @Test
  void verbosePrintsStackTrace() throws IOException {
    Path brain = brainWhoseDescriptorIsADirectory();

    Cli.Result result = TinyDataset.train(dataset, brain, "--max-chunks", "1", "--verbose");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INTERNAL_ERROR);
    assertThat(result.err()).contains("hrm-hf: error: ").contains("\tat io.hrmtrainer.");
  }

  @Test
  void trainHelpShowsStartUnits() {
    Cli.Result result = Cli.run("train", "--help");

    assertThat(result.exitCode()).as("%s", result).isZero();
    String help = result.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--start-block-id=<block> Block id (0-based) of the start position")
        .contains("--start-chunk-id=<chunk> Chunk id (0-based) inside the start block")
        .contains("--samples-per-block=<samples> Samples in one dataset block")
        .contains("--dataset-chunk-size=<samples> Samples in one chunk")
        .contains("--max-seq-len=<tokens>")
        .contains("--resume ")
        .contains("--force-train ");
  }

  @Test
  void unknownOptionIsInvalidInput() {
    Cli.Result result = Cli.run("train", "--start-blok-id=1");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("hrm-hf: error: Unknown option: '--start-blok-id=1'")
        .contains("Run 'hrm-hf train --help' for the options.");
  }

  @Test
  void missingSubcommandIsInvalidInput() {
    Cli.Result result = Cli.run();

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            String.format(
                "hrm-hf: error: Missing required subcommand%nRun 'hrm-hf --help' for the"
                    + " options.%n"));
  }

  /** Returns a brain directory whose {@code metrics.jsonl} cannot be opened for appending. */
  private Path brainWhoseDescriptorIsADirectory() throws IOException {
    Path brain = temp.resolve("brain");
    // brain.json as a directory cannot be read: an environment failure, not a flag value.
    Files.createDirectories(BrainLayout.of(brain).brainJson());
    return brain;
  }
}
