package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resume takes the model size and the seed from the checkpoint, and the plan warns about it. */
class ResumeWarningsTest {

  @TempDir static Path shared;

  private static Path dataset;
  private static Path brain;

  @BeforeAll
  static void trainOneChunk() throws IOException {
    dataset = TinyDataset.write(shared, "lines.txt", 600);
    brain = shared.resolve("brain");

    Cli.Result result = TinyDataset.train(dataset, brain, "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void changedModelAndSeedAreWarned() {
    Cli.Result result =
        Cli.run(
            TinyDataset.args(
                "plan", dataset, brain, "--resume", "--hidden-size", "128", "--seed", "7"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .contains("warning:          the model size comes from ckpt-000001")
        .contains("\"hidden_size\":64")
        .contains("\"hidden_size\":128");
    assertThat(result.out())
        .contains("warning:          the seed comes from ckpt-000001 (42), not from --seed (7)");
  }

  @Test
  void unchangedSettingsGiveNoWarning() {
    Cli.Result result = Cli.run(TinyDataset.args("plan", dataset, brain, "--resume"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).doesNotContain("warning:");
  }
}
