package io.hrmtrainer.diagnostics;

import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings of one scenario: its checks, the evidence behind them, and how long it took.
 *
 * <p>A scenario passed when it made at least one check, every check passed, and it did not end
 * with an error. Immutable.
 *
 * @param name The scenario's name.
 * @param description The scenario's one-line description.
 * @param checks The checks made, in order.
 * @param evidence Lines of evidence: each run's end and its relevant events.
 * @param error Why the scenario could not finish its checks, or empty when it finished.
 * @param elapsed How long the scenario ran.
 */
public record ScenarioResult(
    String name,
    String description,
    List<Check> checks,
    List<String> evidence,
    Optional<String> error,
    Duration elapsed) {

  /** Checks the components and copies the lists. */
  public ScenarioResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(elapsed, "elapsed");
    checks = List.copyOf(checks);
    evidence = List.copyOf(evidence);
  }

  /** Returns a builder for a result of {@code scenario}. */
  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** Returns the result of a scenario that threw {@code cause} before finishing its checks. */
  public static ScenarioResult errored(Scenario scenario, Exception cause, Duration elapsed) {
    String message =
        String.format(
            "the scenario could not finish: %s: %s",
            cause.getClass().getSimpleName(), cause.getMessage());
    return new ScenarioResult(
        scenario.name(), scenario.description(), List.of(), List.of(), Optional.of(message), elapsed);
  }

  /** Returns whether the scenario passed. */
  public boolean passed() {
    return error.isEmpty() && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  /** Returns the checks that failed. */
  public List<Check> failedChecks() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }

  /** Returns a copy with {@code duration} as the elapsed time. */
  public ScenarioResult withElapsed(Duration duration) {
    return new ScenarioResult(name, description, checks, evidence, error, duration);
  }

  /** Collects checks and evidence while a scenario runs. Not thread-safe. */
  public static final class Builder {

    private final Scenario scenario;
    private final List<Check> checks = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    private Builder(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /**
     * Adds a check.
     *
     * @param name What is checked.
     * @param passed Whether the checked condition is true.
     * @param expected What the contract requires.
     * @param observed What the run showed.
     * @return This builder.
     */
    public Builder check(String name, boolean passed, String expected, String observed) {
      checks.add(new Check(name, passed, expected, observed));
      return this;
    }

    /** Adds a check that passes when {@code observed} equals {@code expected}. */
    public Builder checkEqual(String name, Object expected, Object observed) {
      return check(
          name, Objects.equals(expected, observed), String.valueOf(expected), String.valueOf(observed));
    }

    /** Adds a line of evidence. */
    public Builder addEvidence(String line) {
      evidence.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /** Adds a run's end and its relevant events as evidence, under {@code label}. */
    public Builder addRun(String label, RunEvidence run) {
      evidence.add(String.format("%s: %s", label, run.describeEnd()));
      run.describeEvents().forEach(line -> evidence.add("  " + line));
      return this;
    }

    /** Returns the result, with a zero elapsed time that the runner fills in. */
    public ScenarioResult build() {
      return new ScenarioResult(
          scenario.name(), scenario.description(), checks, evidence, Optional.empty(), Duration.ZERO);
    }
  }
}
