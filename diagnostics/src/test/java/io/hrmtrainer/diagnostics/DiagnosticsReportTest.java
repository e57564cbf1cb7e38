package io.hrmtrainer.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsReportTest {

  private static final ScenarioResult PASSED =
      new ScenarioResult(
          "first",
          "the first property",
          List.of(new Check("claims (1, 2) first", true, "(1, 2)", "(1, 2)")),
          List.of("run: completed"),
          Optional.empty(),
          Duration.ofMillis(1_240));

  private static final ScenarioResult FAILED =
      new ScenarioResult(
          "second",
          "the second property",
          List.of(
              new Check("ends completed", true, "completed", "completed"),
              new Check("claims (1, 2) first", false, "first chunk_claimed at (1, 2)", "(0, 0)")),
          List.of("run: completed", "  chunk_claimed chunk (0, 0)"),
          Optional.empty(),
          Duration.ofMillis(2_000));

  @Test
  void textShowsExpectedAndObserved() {
    DiagnosticsReport report =
        new DiagnosticsReport(List.of(PASSED, FAILED), Duration.ofMillis(3_300), Optional.empty());

    String text = report.toText();

    assertThat(text)
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "PASS first (1.2 s): the first property",
                "FAIL second (2.0 s): the second property",
                "  failed: claims (1, 2) first",
                "    expected: first chunk_claimed at (1, 2)",
                "    observed: (0, 0)",
                "  evidence:",
                "    run: completed",
                "      chunk_claimed chunk (0, 0)",
                "2 scenarios: 1 passed, 1 failed in 3.3 s",
                ""));
  }

  @Test
  void textNamesTheKeptWorkingDirectory() {
    DiagnosticsReport report =
        new DiagnosticsReport(List.of(PASSED), Duration.ofSeconds(1), Optional.of(Path.of("/w")));

    assertThat(report.toText()).endsWith("working directory kept: /w" + System.lineSeparator());
  }

  @Test
  void jsonCarriesTheSameContent(@TempDir Path dir) throws IOException {
    DiagnosticsReport report =
        new DiagnosticsReport(List.of(PASSED, FAILED), Duration.ofMillis(3_300), Optional.empty());
    Path file = dir.resolve("out/report.json");

    report.writeJson(file);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("passed").booleanValue()).isFalse();
    assertThat(json.get("scenarios_passed").intValue()).isEqualTo(1);
    assertThat(json.get("scenarios_failed").intValue()).isEqualTo(1);
    assertThat(json.get("seconds").doubleValue()).isEqualTo(3.3);
    assertThat(json.get("work_dir").isNull()).isTrue();
    JsonNode second = json.get("scenarios").get(1);
    assertThat(second.get("name").textValue()).isEqualTo("second");
    assertThat(second.get("passed").booleanValue()).isFalse();
    JsonNode failedCheck = second.get("checks").get(1);
    assertThat(failedCheck.get("passed").booleanValue()).isFalse();
    assertThat(failedCheck.get("expected").textValue()).isEqualTo("first chunk_claimed at (1, 2)");
    assertThat(failedCheck.get("observed").textValue()).isEqualTo("(0, 0)");
    assertThat(second.get("evidence").get(1).textValue()).isEqualTo("  chunk_claimed chunk (0, 0)");
  }

  @Test
  void scenarioWithoutChecksDoesNotPass() {
    ScenarioResult empty =
        new ScenarioResult("x", "y", List.of(), List.of(), Optional.empty(), Duration.ZERO);

    DiagnosticsReport report = new DiagnosticsReport(List.of(empty), Duration.ZERO, Optional.empty());

    assertThat(empty.passed()).isFalse();
    assertThat(report.allPassed()).isFalse();
    assertThat(report.toText()).contains("  error: the scenario made no checks");
  }

  @Test
  void emptyReportDoesNotPass() {
    DiagnosticsReport report = new DiagnosticsReport(List.of(), Duration.ZERO, Optional.empty());

    assertThat(report.allPassed()).isFalse();
  }
}
