package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hrmtrainer.diagnostics.Check;
import io.hrmtrainer.diagnostics.DiagnosticsReport;
import io.hrmtrainer.diagnostics.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DiagnoseCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = HrmHf.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void listNamesEveryScenario() {
    int code = run("diagnose", "--list");

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out.toString().lines())
        .hasSize(7)
        .first()
        .isEqualTo(
            "new-run-starts-at-position  a new run claims the start position first and claims or"
                + " reads no chunk before it");
    assertThat(out.toString().lines().map(line -> line.split(" ")[0]))
        .containsExactly(
            "new-run-starts-at-position",
            "resume-starts-at-position",
            "parallel-respects-position",
            "out-of-range-fails-fast",
            "respect-versus-force",
            "crash-before-commit",
            "exact-resume");
  }

  @Test
  void unknownScenarioExitsTwo() {
    int code = run("diagnose", "--scenario", "no-such-check");

    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(err.toString())
        .startsWith("hrm-hf: error: unknown scenario 'no-such-check'; the scenarios are:")
        .contains("  exact-resume" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void scenarioWritesJsonAndKeepsDir(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("report.json");
    Path work = dir.resolve("work");

    int code =
        run(
            "diagnose",
            "--scenario",
            "out-of-range-fails-fast",
            "--json",
            json.toString(),
            "--keep",
            "--work-dir",
            work.toString());

    assertThat(code).as(out + "\n" + err).isEqualTo(ExitCode.OK);
    assertThat(out.toString())
        .startsWith("PASS out-of-range-fails-fast (")
        .contains("1 scenarios: 1 passed, 0 failed in ")
        .contains("working directory kept: " + work)
        .contains("JSON report written to " + json);
    assertThat(err.toString()).startsWith("[1/1] out-of-range-fails-fast ... passed (");
    assertThat(work.resolve("out-of-range-fails-fast/brain/metrics.jsonl")).exists();
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("passed").booleanValue()).isTrue();
    assertThat(report.get("work_dir").textValue()).isEqualTo(work.toString());
    assertThat(report.get("scenarios").get(0).get("name").textValue())
        .isEqualTo("out-of-range-fails-fast");
  }

  @Test
  void failedScenarioExitsOne() {
    ScenarioResult failed =
        new ScenarioResult(
            "x",
            "y",
            List.of(new Check("claims (1, 2) first", false, "(1, 2)", "(0, 0)")),
            List.of(),
            Optional.empty(),
            Duration.ZERO);
    DiagnosticsReport report = new DiagnosticsReport(List.of(failed), Duration.ZERO, Optional.empty());

    assertThat(DiagnoseCommand.exitCodeOf(report)).isEqualTo(1);
  }
}
