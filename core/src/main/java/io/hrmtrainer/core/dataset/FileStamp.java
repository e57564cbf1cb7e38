package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * The size and last-modified time of a dataset file, used to check whether a manifest still
 * describes the file.
 *
 * <p>A rewrite that keeps both the size and the modification time (to the file system's
 * precision) goes unnoticed; the content fingerprint of the manifest catches it when it is
 * recomputed.
 *
 * @param sizeBytes The file size in bytes.
 * @param lastModified The last-modified time as the file system reports it.
 */
public record FileStamp(long sizeBytes, Instant lastModified) {

  /** Creates a stamp; the size must not be negative. */
  public FileStamp {
    Objects.requireNonNull(lastModified, "lastModified");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException(
          String.format("file size %d is negative: expected 0 or more bytes", sizeBytes));
    }
  }

  /**
   * Reads the stamp of a dataset file.
   *
   * @throws InvalidInputException if the file does not exist, is a directory or is not readable;
   *     the message names the file and the fix.
   * @throws IOException if the file system operation fails.
   */
  public static FileStamp of(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          String.format(
              "dataset file %s does not exist: expected a readable text or JSONL file;"
                  + " check the path given to --dataset-file",
              file),
          e);
    } catch (AccessDeniedException e) {
      throw unreadable(file, e);
    }
    if (attributes.isDirectory()) {
      throw new InvalidInputException(
          String.format(
              "dataset file %s is a directory: expected a text or JSONL file;"
                  + " point --dataset-file at a file inside it",
              file));
    }
    if (!Files.isReadable(file)) {
      throw unreadable(file, null);
    }
    return new FileStamp(attributes.size(), attributes.lastModifiedTime().toInstant());
  }

  static InvalidInputException unreadable(Path file, Throwable cause) {
    return new InvalidInputException(
        String.format(
            "dataset file %s cannot be read: expected a file this user may read;"
                + " fix its permissions (for example chmod a+r) or copy it somewhere readable",
            file),
        cause);
  }

  /** Formats the stamp as {@code "<size> bytes, modified <instant>"}. */
  @Override
  public String toString() {
    return sizeBytes + " bytes, modified " + lastModified;
  }
}
