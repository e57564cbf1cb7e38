package io.hrmtrainer.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.diagnostics.driver.TrainerDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario fails, with what it expected and what the events showed, when the trainer behind
 * it breaks the property it checks.
 */
class ScenarioFaultTest {

  static Stream<Arguments> faults() {
    return Stream.of(
        fault(
            "new-run-starts-at-position",
            "ignoring the start position",
            FaultyDrivers.ignoringStartPosition(),
            "the new run first claims (1, 2)",
            "first chunk_claimed at (1, 2)",
            "first chunk_claimed at (0, 0)"),
        fault(
            "resume-starts-at-position",
            "ignoring the start position",
            FaultyDrivers.ignoringStartPosition(),
            "the resume first claims (1, 2)",
            "first chunk_claimed at (1, 2)",
            "first chunk_claimed at (0, 2)"),
        fault(
            "resume-starts-at-position",
            "resuming as a new run",
            FaultyDrivers.resumingAsNewRun(),
            "the resume loads the first run's checkpoint",
            "resume=true, checkpoint=ckpt-000001",
            "resume=false, checkpoint=absent"),
        fault(
            "parallel-respects-position",
            "workers that do not share a ledger",
            FaultyDrivers.trainingChunksTwiceInParallel(),
            "no chunk is claimed or trained twice",
            "each chunk claimed and trained at most once",
            "claimed twice: [(1, 1), (1, 2), (1, 3), (2, 0), (2, 1), (2, 2), (2, 3)]; trained"
                + " twice: [(1, 1), (1, 2), (1, 3), (2, 0), (2, 1), (2, 2), (2, 3)]"),
        fault(
            "parallel-respects-position",
            "ignoring the start position",
            FaultyDrivers.ignoringStartPosition(),
            "the parallel run claims and trains no chunk before (1, 1)",
            "no chunk_claimed or chunk_trained before (1, 1)",
            "before (1, 1): [(0, 1), (0, 2), (0, 3), (1, 0)]"),
        fault(
            "out-of-range-fails-fast",
            "ignoring the start position",
            FaultyDrivers.ignoringStartPosition(),
            "a resume from block 7 fails with the value and the valid range in the message",
            "InvalidInputException with a message containing [start block 7, (0-2)]",
            "completed: chunks trained 11, skipped 1, optimizer step 48"),
        fault(
            "out-of-range-fails-fast",
            "touching the brain before validation",
            FaultyDrivers.touchingBrainBeforeValidation(),
            "a resume from block 7 leaves the brain untouched",
            "brain unchanged, byte for byte",
            "changed .lock"),
        fault(
            "respect-versus-force",
            "ignoring --force-train",
            FaultyDrivers.ignoringForce(),
            "force from (0, 2) trains [(0, 2), (0, 3)]",
            "chunk_trained for [(0, 2), (0, 3)]",
            "no chunk_trained event"),
        fault(
            "crash-before-commit",
            "recording the interrupted chunk as trained",
            FaultyDrivers.recordingInterruptedChunks(),
            "the ledger after the kill records [(0, 1), (0, 2)] once each",
            "[(0, 1), (0, 2)]",
            "[(0, 1), (0, 2), (1, 0)]"),
        fault(
            "crash-before-commit",
            "loading a checkpoint without COMMIT.json",
            FaultyDrivers.loadingCheckpointsWithoutCommit(),
            "the resume loads the newest checkpoint with a valid COMMIT.json",
            "ckpt-000001",
            "ckpt-000002"),
        fault(
            "exact-resume",
            "recording the interrupted chunk as trained",
            FaultyDrivers.recordingInterruptedChunks(),
            "the resumed run ends with the uninterrupted run's parameters",
            "max |difference| <= 1e-06 (bit-identical expected)",
            "max |difference| "),
        fault(
            "exact-resume",
            "resuming as a new run",
            FaultyDrivers.resumingAsNewRun(),
            "both end at the same optimizer step",
            "step 16",
            "step 8"));
  }

  @ParameterizedTest(name = "{0} notices {1}")
  @MethodSource("faults")
  void scenarioReportsTheBrokenProperty(
      String scenario,
      TrainerDriver driver,
      String check,
      String expected,
      String observedStart,
      @TempDir Path workDir)
      throws IOException {

    DiagnosticsRunner runner =
        DiagnosticsRunner.builder().optDriver(driver).optWorkDir(workDir).build();

    DiagnosticsReport report = runner.run(scenario);

    ScenarioResult result = report.results().get(0);
    assertThat(result.passed()).as(report.toText()).isFalse();
    assertThat(result.failedChecks())
        .as(report.toText())
        .anySatisfy(
            failed -> {
              assertThat(failed.name()).isEqualTo(check);
              assertThat(failed.expected()).isEqualTo(expected);
              assertThat(failed.observed()).startsWith(observedStart);
            });
    assertThat(report.toText())
        .contains("FAIL " + scenario)
        .contains("  failed: " + check)
        .contains("    expected: " + expected);
  }

  private static Arguments fault(
      String scenario,
      String faultName,
      TrainerDriver driver,
      String check,
      String expected,
      String observedStart) {

    return Arguments.of(scenario, Named.of(faultName, driver), check, expected, observedStart);
  }
}
