package io.hrmtrainer.core;

/**
 * Signals input that a user can correct: a flag value out of range, a missing or malformed dataset,
 * a start position outside the dataset.
 *
 * <p>The message names the offending value (or file and line), states what was expected and, where
 * one is known, how to fix it. Front ends show the message without a stack trace and exit with
 * the invalid-input code (2 for {@code hrm-hf}). Nothing has been written to the brain directory
 * when this exception is thrown during run resolution.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete, user-facing message. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** Creates an exception with a complete, user-facing message and the underlying cause. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
