package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.core.config.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code hrm-hf train} command line of a config, as the checkpoint screen shows it: the words of
 * {@link TrainingConfig#toCliArgs()}, each quoted where a POSIX shell would otherwise split or
 * expand it, so that pasting the line runs exactly that config.
 */
public final class TrainCommandLine {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

  private TrainCommandLine() {}

  /** Returns {@code hrm-hf train} followed by the quoted arguments of {@code config}. */
  public static String of(TrainingConfig config) {
    List<String> words = new ArrayList<>(List.of("hrm-hf", "train"));
    words.addAll(config.toCliArgs());
    return words.stream().map(TrainCommandLine::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
