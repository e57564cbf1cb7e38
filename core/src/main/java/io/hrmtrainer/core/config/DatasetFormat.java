package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The format of a dataset file: one sample per non-blank line, or one JSON record per line. */
public enum DatasetFormat {
  /** Chosen from the file name: {@code .jsonl} and {@code .json} mean JSONL, anything else text. */
  AUTO,
  /** Plain text: every non-blank line is one sample. */
  TEXT,
  /** JSON Lines: every non-blank line is one JSON object whose text fields form one sample. */
  JSONL;

  /** Returns the name used on the command line and in JSON, such as {@code jsonl}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the concrete format for {@code datasetFile}: {@link #TEXT} or {@link #JSONL}. For
   * {@link #AUTO} the file extension decides, ignoring case; the file is not opened.
   */
  public DatasetFormat resolve(Path datasetFile) {
    if (this != AUTO) {
      return this;
    }

    Path fileName = datasetFile.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".json") ? JSONL : TEXT;
  }

  /**
   * Returns the format named {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidInputException if no format has that name; the message lists the valid names.
   */
  public static DatasetFormat parse(String text) {
    String requested = text.trim();
    for (DatasetFormat format : values()) {
      if (format.cliName().equalsIgnoreCase(requested)) {
        return format;
      }
    }
    throw new InvalidInputException(
        String.format(
            "--dataset-format '%s' is not a known format: expected auto, text or jsonl"
                + " (dataset_format in JSON). Fix: pass --dataset-format auto to choose by file"
                + " extension.",
            text));
  }
}
