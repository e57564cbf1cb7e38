package io.hrmtrainer.gui.service;

import io.hrmtrainer.core.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Turns exceptions into the short message and the details that the windows show. */
public final class ErrorText {

  private ErrorText() {}

  /**
   * Returns a short message for {@code error}: the message itself for input the user can correct,
   * otherwise what failed, with a pointer to the details.
   */
  public static String shortMessage(String action, Throwable error) {
    if (error instanceof InvalidInputException) {
      return error.getMessage();
    }
    Throwable cause = error instanceof UncheckedIOException ? error.getCause() : error;
    String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return String.format("%s failed: %s. Open the details for the full report.", action, text);
  }

  /** Returns the stack trace of {@code error} as text, for an expandable details pane. */
  public static String stackTrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
