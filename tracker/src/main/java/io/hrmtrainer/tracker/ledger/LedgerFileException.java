package io.hrmtrainer.tracker.ledger;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;

/**
 * Signals a ledger file that cannot be used as it is: corrupt, truncated, or written by a newer
 * version of hrm-trainer.
 *
 * <p>The message names the file, the problem and the way out. The file itself is never changed or
 * deleted by the code that throws this exception.
 */
public final class LedgerFileException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /** The reason a ledger file could not be used. */
  public enum Problem {
    /** The content is not a valid ledger: broken JSON, a cut-off file or a field of wrong type. */
    CORRUPT,
    /** The file uses a schema version newer than this code supports. */
    UNSUPPORTED_VERSION
  }

  private final transient Path file;
  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param file The ledger file.
   * @param problem Why it cannot be used.
   * @param message The complete, user-facing message.
   * @param cause The parse error, or {@code null} if there is none.
   */
  public LedgerFileException(Path file, Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.problem = problem;
  }

  /** Returns the file that could not be used. */
  public Path file() {
    return file;
  }

  /** Returns why the file could not be used. */
  public Problem problem() {
    return problem;
  }
}
