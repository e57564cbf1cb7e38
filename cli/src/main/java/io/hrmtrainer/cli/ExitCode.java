package io.hrmtrainer.cli;

/** The exit codes of {@code hrm-hf}, stable across releases so that scripts can depend on them. */
public final class ExitCode {

  /** The command finished its work. */
  public static final int OK = 0;

  /** An internal error: a bug or an environment failure that is not the user's input. */
  public static final int INTERNAL_ERROR = 1;

  /** Invalid input: a flag value, a dataset or a start position that the user can correct. */
  public static final int INVALID_INPUT = 2;

  /** Respect mode found every chunk at or after the start position already trained. */
  public static final int NOTHING_TO_TRAIN = 3;

  /** Another run holds the brain directory's lock. */
  public static final int BRAIN_IN_USE = 4;

  /** The run was interrupted by Ctrl-C (128 + SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
