package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dataset file and how to read samples from it.
 *
 * <p>For {@link DatasetFormat#TEXT} the list of text fields is empty. For {@link
 * DatasetFormat#JSONL} it names one or more string fields of each record. A sample is the value of
 * the only field, or the values of several fields joined with a blank line ({@code "\n\n"}) in the
 * order given. The path is stored absolute and normalised. Instances are immutable.
 *
 * @param file The dataset file, stored absolute and normalised.
 * @param format The encoding of samples in the file.
 * @param textFields The JSONL fields that form a sample, in join order; empty for text files.
 */
public record DatasetSource(Path file, DatasetFormat format, List<String> textFields) {

  /** The field read from JSONL records when no field is named. */
  public static final String DEFAULT_TEXT_FIELD = "text";

  /** Separator placed between the values of several text fields of one JSONL record. */
  public static final String FIELD_SEPARATOR = "\n\n";

  /**
   * Creates a source after checking that the fields fit the format.
   *
   * @throws InvalidInputException if a text file names fields, a JSONL file names none, or a field
   *     name is blank or repeated; the message names the field and the fix.
   */
  public DatasetSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    file = file.toAbsolutePath().normalize();
    textFields = List.copyOf(textFields);
    checkFields(file, format, textFields);
  }

  /** Returns a source for a plain text file. */
  public static DatasetSource text(Path file) {
    return new DatasetSource(file, DatasetFormat.TEXT, List.of());
  }

  /**
   * Returns a source for a JSONL file whose samples are the given fields, joined in order.
   *
   * @throws InvalidInputException if no field is given or a field is blank or repeated.
   */
  public static DatasetSource jsonl(Path file, String... textFields) {
    return new DatasetSource(file, DatasetFormat.JSONL, List.of(textFields));
  }

  /**
   * Returns a source whose format follows the file name ({@link DatasetFormat#fromFileName}); a
   * JSONL file reads the field {@value #DEFAULT_TEXT_FIELD}.
   */
  public static DatasetSource fromFileName(Path file) {
    DatasetFormat format = DatasetFormat.fromFileName(file);
    return format == DatasetFormat.JSONL ? jsonl(file, DEFAULT_TEXT_FIELD) : text(file);
  }

  private static void checkFields(Path file, DatasetFormat format, List<String> fields) {
    if (format == DatasetFormat.TEXT && !fields.isEmpty()) {
      throw new InvalidInputException(
          String.format(
              "text fields %s were given for the plain text file %s: expected no text fields;"
                  + " drop them, or read the file as JSONL",
              fields, file));
    }
    if (format == DatasetFormat.JSONL && fields.isEmpty()) {
      throw new InvalidInputException(
          String.format(
              "no text field was given for the JSONL file %s: expected at least one field name,"
                  + " for example \"%s\"",
              file, DEFAULT_TEXT_FIELD));
    }
    Set<String> seen = new HashSet<>();
    for (String field : fields) {
      if (field.isBlank()) {
        throw new InvalidInputException(
            String.format(
                "text field name \"%s\" for %s is blank: expected a JSON field name such as \"%s\"",
                field, file, DEFAULT_TEXT_FIELD));
      }
      if (!seen.add(field)) {
        throw new InvalidInputException(
            String.format(
                "text field \"%s\" for %s is given twice in %s: expected each field once",
                field, file, fields));
      }
    }
  }
}
