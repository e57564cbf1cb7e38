package io.hrmtrainer.cli;

import ch.qos.logback.classic.Level;
import io.hrmtrainer.diagnostics.DiagnosticsProgress;
import io.hrmtrainer.diagnostics.DiagnosticsReport;
import io.hrmtrainer.diagnostics.DiagnosticsRunner;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrm-hf diagnose}: runs the diagnostics scenarios on a tiny model on the CPU and prints a
 * report. The exit code is 0 only when every scenario passed.
 *
 * <p>Progress goes to stderr, the report to stdout. The trainer's own log lines are muted while
 * the scenarios run, because the scenarios kill workers and leave invalid checkpoints on purpose
 * and the report explains those. {@code --verbose} shows the log lines.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Check the start-position contract end to end on generated data.",
      "Each scenario trains a tiny model on the CPU over small datasets in a temporary directory"
          + " and checks the telemetry and the ledger.",
      "Exit code 0 when every scenario passed, 1 when one failed, 2 for an unknown name."
    })
final class DiagnoseCommand implements Callable<Integer> {

  /** The exit code when at least one scenario failed. */
  static final int SCENARIO_FAILED = 1;

  @Option(
      names = "--scenario",
      paramLabel = "<name>",
      description = "Run only this scenario; --list names them.")
  String scenario;

  @Option(names = "--list", description = "List the scenarios with a one-line description.")
  boolean list;

  @Option(
      names = "--json",
      paramLabel = "<file>",
      description = "Also write the report as JSON to this file.")
  Path json;

  @Option(
      names = "--keep",
      description = "Keep the working directory for inspection and print its path.")
  boolean keep;

  @Option(
      names = "--work-dir",
      paramLabel = "<dir>",
      description = "Work in this directory instead of a new temporary one.")
  Path workDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DiagnosticsRunner runner = newRunner(err);
    if (list) {
      printList(runner, out);
      return ExitCode.OK;
    }
    if (scenario != null && runner.find(scenario).isEmpty()) {
      printUnknown(runner, err);
      return ExitCode.INVALID_INPUT;
    }

    DiagnosticsReport report = runMuted(runner);
    out.print(report.toText());
    if (json != null) {
      report.writeJson(json);
      out.printf("JSON report written to %s%n", json);
    }
    out.flush();
    return exitCodeOf(report);
  }

  /** Returns 0 when every scenario passed, {@link #SCENARIO_FAILED} otherwise. */
  static int exitCodeOf(DiagnosticsReport report) {
    return report.allPassed() ? ExitCode.OK : SCENARIO_FAILED;
  }

  private DiagnosticsRunner newRunner(PrintWriter err) {
    DiagnosticsRunner.Builder builder =
        DiagnosticsRunner.builder().optKeep(keep).optProgress(new Progress(err));
    if (workDir != null) {
      builder.optWorkDir(workDir);
    }
    return builder.build();
  }

  private DiagnosticsReport runMuted(DiagnosticsRunner runner) throws IOException {
    if (isVerbose()
        || !(LoggerFactory.getLogger("io.hrmtrainer") instanceof ch.qos.logback.classic.Logger logger)) {
      return runSelected(runner);
    }
    Level previous = logger.getLevel();
    logger.setLevel(Level.OFF);
    try {
      return runSelected(runner);
    } finally {
      logger.setLevel(previous);
    }
  }

  private DiagnosticsReport runSelected(DiagnosticsRunner runner) throws IOException {
    return scenario == null ? runner.runAll() : runner.run(scenario);
  }

  private boolean isVerbose() {
    return spec.root().userObject() instanceof HrmHf root && root.verbose;
  }

  private static void printList(DiagnosticsRunner runner, PrintWriter out) {
    int width = runner.scenarios().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (Scenario each : runner.scenarios()) {
      out.printf("%-" + width + "s  %s%n", each.name(), each.description());
    }
    out.flush();
  }

  private void printUnknown(DiagnosticsRunner runner, PrintWriter err) {
    err.printf("hrm-hf: error: unknown scenario '%s'; the scenarios are:%n", scenario);
    runner.scenarios().forEach(each -> err.printf("  %s%n", each.name()));
    err.flush();
  }

  /** Prints one line per scenario to stderr as it finishes. */
  private record Progress(PrintWriter err) implements DiagnosticsProgress {

    @Override
    public void scenarioStarted(Scenario scenario, int index, int total) {
      err.printf("[%d/%d] %s ... ", index, total, scenario.name());
      err.flush();
    }

    @Override
    public void scenarioFinished(ScenarioResult result, int index, int total) {
      err.printf(
          Locale.ROOT,
          "%s (%.1f s)%n",
          result.passed() ? "passed" : "FAILED",
          result.elapsed().toMillis() / 1000.0);
      err.flush();
    }
  }
}
