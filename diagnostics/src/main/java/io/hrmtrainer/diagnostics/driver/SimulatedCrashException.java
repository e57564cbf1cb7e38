package io.hrmtrainer.diagnostics.driver;

/** Thrown inside a worker by a {@link SimulatedCrash}, standing in for a killed process. */
public final class SimulatedCrashException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code crash} in worker {@code workerId}. */
  public SimulatedCrashException(SimulatedCrash crash, int workerId) {
    super(String.format("%s in worker %d", crash, workerId));
  }
}
