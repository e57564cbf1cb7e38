package io.hrmtrainer.core.brain;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;

/**
 * Signals a state file that exists but cannot be read: truncated, not JSON, or with values of the
 * wrong type.
 *
 * <p>The file is left exactly as it was found. The message names the file, what is wrong with it
 * and the way out: restore the file from a backup or move it aside. Front ends treat it as invalid
 * input (exit code 2), because only the user can decide what to do with the file.
 */
public class CorruptFileException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  /**
   * Creates an exception for {@code file}.
   *
   * @param file The unreadable file.
   * @param problem What is wrong with it, for example "it ends in the middle of a JSON value".
   * @param cause The parser's error, or null.
   */
  public CorruptFileException(Path file, String problem, Throwable cause) {
    super(
        String.format(
            "cannot read %s: %s. The file was left unchanged; restore it from a backup or move it"
                + " aside (for example to %s.corrupt), then run again",
            file, problem, file.getFileName()),
        cause);
    this.file = file;
    this.problem = problem;
  }

  /** Returns the unreadable file. */
  public Path file() {
    return file;
  }

  /** Returns what is wrong with the file, without the file name and the way out. */
  public String problem() {
    return problem;
  }
}
