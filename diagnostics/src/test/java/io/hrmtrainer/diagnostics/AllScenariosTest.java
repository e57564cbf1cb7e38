package io.hrmtrainer.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every scenario against the real trainer: CI's end-to-end check of the contract. */
class AllScenariosTest {

  @Test
  void everyScenarioPassesOnRealTrainer(@TempDir Path workDir) throws IOException {
    DiagnosticsRunner runner = DiagnosticsRunner.builder().optWorkDir(workDir).build();

    DiagnosticsReport report = runner.runAll();

    assertThat(report.allPassed()).as(report.toText()).isTrue();
    assertThat(report.results()).hasSize(7);
  }
}
