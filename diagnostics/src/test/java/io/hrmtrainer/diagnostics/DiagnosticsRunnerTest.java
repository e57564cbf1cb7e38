package io.hrmtrainer.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's bookkeeping, with scenarios that write a file instead of training. */
class DiagnosticsRunnerTest {

  /** A scenario that writes a marker file, then passes or, when {@code throwing}, throws. */
  private record FakeScenario(String name, boolean throwing) implements Scenario {

    @Override
    public String description() {
      return "writes a marker";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws IOException {
      Files.createDirectories(context.workDir());
      Files.writeString(context.workDir().resolve("marker"), name);
      if (throwing) {
        throw new IOException("disk full");
      }
      return ScenarioResult.builder(this).check("marker written", true, "marker", "marker").build();
    }
  }

  private static final List<Scenario> SCENARIOS =
      List.of(new FakeScenario("one", false), new FakeScenario("two", true));

  @Test
  void unknownNameListsTheKnownOnes() {
    DiagnosticsRunner runner = DiagnosticsRunner.builder().optScenarios(SCENARIOS).build();

    UnknownScenarioException e =
        assertThrows(UnknownScenarioException.class, () -> runner.run("three"));

    assertThat(e.knownNames()).containsExactly("one", "two");
    assertThat(e)
        .hasMessage(
            "unknown scenario 'three': expected one of one, two; run 'hrm-hf diagnose --list'"
                + " for their descriptions");
  }

  @Test
  void throwingScenarioFailsAndNextRuns(@TempDir Path dir) throws IOException {
    List<Scenario> order = List.of(new FakeScenario("two", true), new FakeScenario("one", false));
    DiagnosticsRunner runner =
        DiagnosticsRunner.builder().optScenarios(order).optWorkDir(dir).build();

    DiagnosticsReport report = runner.runAll();

    assertThat(report.results()).extracting(ScenarioResult::passed).containsExactly(false, true);
    assertThat(report.results().get(0).error())
        .hasValue("the scenario could not finish: IOException: disk full");
    assertThat(report.allPassed()).isFalse();
  }

  @Test
  void keepLeavesAndNamesWorkDir() throws IOException {
    DiagnosticsRunner runner =
        DiagnosticsRunner.builder().optScenarios(SCENARIOS).optKeep(true).build();

    DiagnosticsReport report = runner.run("one");

    Path kept = report.keptWorkDir().orElseThrow();
    assertThat(kept.resolve("one/marker")).hasContent("one");
    deleteTree(kept);
  }

  @Test
  void withoutKeepScenarioDirectoriesAreDeleted(@TempDir Path dir) throws IOException {
    DiagnosticsRunner runner =
        DiagnosticsRunner.builder().optScenarios(SCENARIOS).optWorkDir(dir).build();

    DiagnosticsReport report = runner.runAll();

    assertThat(report.keptWorkDir()).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void leftoversOfAnEarlierRunAreRejected(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("one"));
    DiagnosticsRunner runner =
        DiagnosticsRunner.builder().optScenarios(SCENARIOS).optWorkDir(dir).build();

    InvalidInputException e = assertThrows(InvalidInputException.class, runner::runAll);

    assertThat(e.getMessage())
        .isEqualTo(
            "the working directory %s already contains one from an earlier run; choose another"
                + " directory or remove that one",
            dir);
  }

  @Test
  void progressReportsEachScenarioInOrder(@TempDir Path dir) throws IOException {
    List<String> calls = new ArrayList<>();
    DiagnosticsProgress progress =
        new DiagnosticsProgress() {
          @Override
          public void scenarioStarted(Scenario scenario, int index, int total) {
            calls.add("start " + scenario.name() + " " + index + "/" + total);
          }

          @Override
          public void scenarioFinished(ScenarioResult result, int index, int total) {
            calls.add("end " + result.name() + " " + result.passed());
          }
        };
    DiagnosticsRunner runner =
        DiagnosticsRunner.builder()
            .optScenarios(SCENARIOS)
            .optWorkDir(dir)
            .optProgress(progress)
            .build();

    runner.runAll();

    assertThat(calls)
        .containsExactly("start one 1/2", "end one true", "start two 2/2", "end two false");
  }

  @Test
  void catalogueNamesAreUniqueAndKebabCase() {
    List<String> names = Scenarios.all().stream().map(Scenario::name).toList();

    assertThat(names).hasSize(7).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(-[a-z]+)*"));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
