package io.hrmtrainer.diagnostics;

import io.hrmtrainer.core.InvalidInputException;
import java.util.List;

/** Thrown when a scenario is requested by a name that no scenario has. */
public final class UnknownScenarioException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final List<String> knownNames;

  /** Creates the exception for {@code name}, listing {@code knownNames}. */
  public UnknownScenarioException(String name, List<String> knownNames) {
    super(
        String.format(
            "unknown scenario '%s': expected one of %s; run 'hrm-hf diagnose --list' for their"
                + " descriptions",
            name, String.join(", ", knownNames)));
    this.knownNames = List.copyOf(knownNames);
  }

  /** Returns the names of the scenarios that exist. */
  public List<String> knownNames() {
    return knownNames;
  }
}
