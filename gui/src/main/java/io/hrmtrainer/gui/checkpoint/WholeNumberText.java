package io.hrmtrainer.gui.checkpoint;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.scene.control.TextFormatter;

/**
 * The rule of the Block and Chunk inputs: only digits may be typed, so negative, decimal and
 * non-numeric text never reaches the view model. An empty box is allowed while typing, and the view
 * model reports it. Up to 10 digits are accepted, so that a number too large for a position gets
 * core's "too large" message instead of vanishing.
 */
public final class WholeNumberText {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{0,10}");

  private WholeNumberText() {}

  /** Returns whether {@code text} is allowed in a Block or Chunk input. */
  public static boolean isAccepted(String text) {
    return DIGITS.matcher(text).matches();
  }

  /** Returns a formatter for a text input that rejects every edit whose result is not accepted. */
  public static TextFormatter<String> newFormatter() {
    UnaryOperator<TextFormatter.Change> filter =
        change -> isAccepted(change.getControlNewText()) ? change : null;
    return new TextFormatter<>(filter);
  }
}
