package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The encoding of samples in a dataset file.
 *
 * <p>Both formats are UTF-8, one sample per non-blank line, with {@code \n} or {@code \r\n} line
 * endings; a UTF-8 byte order mark at the start of the file is ignored.
 */
public enum DatasetFormat {

  /** Plain text: every non-blank line is one sample. */
  TEXT,

  /** JSON Lines: every non-blank line is one JSON object, whose text field(s) form the sample. */
  JSONL;

  /**
   * Returns the format for a name as users type it: {@code text} or {@code jsonl}, in any case.
   *
   * @throws InvalidInputException if the name is neither; the message lists the accepted names.
   */
  public static DatasetFormat fromName(String name) {
    String normalised = name.trim().toLowerCase(Locale.ROOT);
    switch (normalised) {
      case "text":
      case "txt":
        return TEXT;
      case "jsonl":
        return JSONL;
      default:
        throw new InvalidInputException(
            String.format(
                "unknown dataset format \"%s\": expected \"text\" or \"jsonl\"", name));
    }
  }

  /**
   * Guesses the format from a file name: {@code .jsonl} and {@code .json} (any case) are {@link
   * #JSONL}, anything else is {@link #TEXT}. The file is not opened.
   */
  public static DatasetFormat fromFileName(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".jsonl") || lower.endsWith(".json") ? JSONL : TEXT;
  }

  /** Returns the lower-case name used in JSON files and messages ({@code text}, {@code jsonl}). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
