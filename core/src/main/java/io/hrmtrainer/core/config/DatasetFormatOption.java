package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The dataset format as configured: a concrete {@link DatasetFormat}, or {@link #AUTO} to choose
 * it from the file name.
 */
public enum DatasetFormatOption {
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
   * Returns the concrete format for {@code datasetFile}. For {@link #AUTO} the file extension
   * decides, ignoring case: {@code .jsonl} and {@code .json} mean JSONL. The file is not opened.
   */
  public DatasetFormat resolve(Path datasetFile) {
    return switch (this) {
      case AUTO -> DatasetFormat.fromFileName(datasetFile);
      case TEXT -> DatasetFormat.TEXT;
      case JSONL -> DatasetFormat.JSONL;
    };
  }

  /**
   * Returns the format named {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidInputException if no format has that name; the message lists the valid names.
   */
  public static DatasetFormatOption parse(String text) {
    String requested = text.trim();
    for (DatasetFormatOption format : values()) {
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
