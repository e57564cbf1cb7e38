package io.hrmtrainer.gui.checkpoint;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Joins command arguments into one line that a POSIX shell splits back into the same words. */
final class ShellWords {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

  private ShellWords() {}

  /** Returns the words joined by spaces, each quoted when the shell would otherwise change it. */
  static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
