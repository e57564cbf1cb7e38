package io.hrmtrainer.diagnostics;

import java.io.IOException;

/**
 * One named, separately runnable check of the start-position contract.
 *
 * <p>A scenario sets up datasets and brains in its context's working directory, trains through the
 * context's driver, and judges the runs by their events, ledgers and checkpoints. It reports a
 * broken property as a failed {@link Check} and throws only when it cannot judge at all.
 * Implementations are stateless, so one instance may run many times.
 */
public interface Scenario {

  /** Returns the name that {@code hrm-hf diagnose --scenario} takes, in kebab-case. */
  String name();

  /** Returns a one-line description of the property checked. */
  String description();

  /**
   * Runs the scenario.
   *
   * @param context The working directory and the driver to train with.
   * @return The checks made and the evidence behind them.
   * @throws IOException if the working directory cannot be written or read.
   */
  ScenarioResult run(ScenarioContext context) throws IOException;
}
