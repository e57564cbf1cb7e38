package io.hrmtrainer.diagnostics;

import java.util.Objects;

/**
 * One property a scenario checked, with what it expected and what the run showed.
 *
 * @param name What was checked, as a short sentence.
 * @param passed Whether the observation met the expectation.
 * @param expected What the contract requires.
 * @param observed What the events, ledger or files showed.
 */
public record Check(String name, boolean passed, String expected, String observed) {

  /** Checks that no component is null. */
  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(observed, "observed");
  }
}
