package io.hrmtrainer.diagnostics;

/**
 * Receives progress while a {@link DiagnosticsRunner} runs its scenarios, for a CLI or GUI.
 *
 * <p>Called on the runner's thread. Every method has an empty default.
 */
public interface DiagnosticsProgress {

  /** A listener that ignores everything. */
  DiagnosticsProgress NONE = new DiagnosticsProgress() {};

  /**
   * Called before a scenario starts.
   *
   * @param scenario The scenario.
   * @param index Its 1-based number in this run.
   * @param total The number of scenarios in this run.
   */
  default void scenarioStarted(Scenario scenario, int index, int total) {}

  /**
   * Called after a scenario finished, passed or not.
   *
   * @param result Its result.
   * @param index Its 1-based number in this run.
   * @param total The number of scenarios in this run.
   */
  default void scenarioFinished(ScenarioResult result, int index, int total) {}
}
