package io.hrmtrainer.core.brain;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;

/**
 * Signals a state file written in a format version that this version of hrm-trainer does not read,
 * usually by a newer release.
 *
 * <p>The message names the file, the version found and the versions supported.
 */
public class UnsupportedFormatException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int versionFound;

  /**
   * Creates an exception for {@code file}.
   *
   * @param file The file with the unsupported version.
   * @param versionFound The {@code format_version} in the file.
   * @param supported A description of the supported versions, for example "1".
   */
  public UnsupportedFormatException(Path file, int versionFound, String supported) {
    super(
        String.format(
            "%s has format_version %d, but this version of hrm-trainer reads format_version %s;"
                + " use the hrm-trainer release that wrote it, or a newer one",
            file, versionFound, supported));
    this.file = file;
    this.versionFound = versionFound;
  }

  /** Returns the file with the unsupported version. */
  public Path file() {
    return file;
  }

  /** Returns the {@code format_version} found in the file. */
  public int versionFound() {
    return versionFound;
  }
}
