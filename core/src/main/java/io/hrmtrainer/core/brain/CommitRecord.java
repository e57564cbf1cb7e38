package io.hrmtrainer.core.brain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of a checkpoint's {@code COMMIT.json}: written last, it proves that every other file
 * of the checkpoint is complete.
 *
 * <pre>
 * {
 *   "magic" : "hrm-trainer-checkpoint",
 *   "format_version" : 1,
 *   "sequence" : 12,
 *   "created_at" : "2026-12-04T19:30:00Z",
 *   "files" : { "model.params" : { "size" : 1024, "sha256" : "9f86d0…" } }
 * }
 * </pre>
 *
 * <p>Unknown fields are ignored when reading, so records written by later releases with the same
 * format version stay readable.
 *
 * @param magic Always {@value #MAGIC}.
 * @param formatVersion The format version, {@value #FORMAT_VERSION} for this release.
 * @param sequence The checkpoint's sequence number, the number in its directory name.
 * @param createdAt When the checkpoint was committed.
 * @param files The size and SHA-256 checksum of each file, by file name, sorted by name.
 */
public record CommitRecord(
    String magic, int formatVersion, long sequence, Instant createdAt, Map<String, FileEntry> files) {

  /** The file name of a commit record inside a checkpoint directory. */
  public static final String FILE_NAME = "COMMIT.json";

  /** The value of {@code magic}. */
  public static final String MAGIC = "hrm-trainer-checkpoint";

  /** The format version this release writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The size and checksum of one file of a checkpoint.
   *
   * @param size The file size in bytes.
   * @param sha256 The SHA-256 of the file content, 64 lowercase hex digits.
   */
  public record FileEntry(long size, String sha256) {

    /** Checks that the size is not negative and the checksum is present. */
    public FileEntry {
      if (size < 0) {
        throw new IllegalArgumentException(String.format("file size %d is negative", size));
      }
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Checks the fields and makes the file map an unmodifiable copy sorted by name. */
  public CommitRecord {
    Objects.requireNonNull(magic, "magic");
    Objects.requireNonNull(createdAt, "createdAt");
    files = Collections.unmodifiableMap(new TreeMap<>(files == null ? Map.of() : files));
  }

  /** Returns a record of the current format for the given sequence, time and files. */
  public static CommitRecord of(long sequence, Instant createdAt, Map<String, FileEntry> files) {
    return new CommitRecord(MAGIC, FORMAT_VERSION, sequence, createdAt, files);
  }

  /**
   * Reads the commit record in {@code file}.
   *
   * @throws CorruptFileException if the file is truncated, not JSON, lacks the magic tag or a
   *     required field; the file is left unchanged.
   * @throws UnsupportedFormatException if its {@code format_version} is not {@value
   *     #FORMAT_VERSION}.
   * @throws IOException if the file cannot be opened, for example because it does not exist.
   */
  public static CommitRecord read(Path file) throws IOException {
    JsonNode tree = JsonFiles.readTree(file);

    checkMagic(file, tree);
    checkVersion(file, tree);
    for (String required : new String[] {"sequence", "created_at", "files"}) {
      if (!tree.hasNonNull(required)) {
        throw new CorruptFileException(
            file, String.format("the required field \"%s\" is missing", required), null);
      }
    }
    return JsonFiles.convert(file, tree, CommitRecord.class);
  }

  /**
   * Writes this record to {@code file} atomically.
   *
   * @throws IOException if the file cannot be written; a previous file stays as it was.
   */
  public void write(Path file) throws IOException {
    JsonFiles.writeAtomically(file, this);
  }

  private static void checkMagic(Path file, JsonNode tree) {
    if (!tree.isObject() || !MAGIC.equals(tree.path("magic").asText(null))) {
      throw new CorruptFileException(
          file,
          String.format(
              "it is not a checkpoint commit record: \"magic\" is %s, expected \"%s\"",
              tree.path("magic").isMissingNode() ? "missing" : tree.path("magic").toString(),
              MAGIC),
          null);
    }
  }

  private static void checkVersion(Path file, JsonNode tree) {
    JsonNode version = tree.path("format_version");
    if (!version.isInt()) {
      throw new CorruptFileException(
          file,
          String.format(
              "\"format_version\" is %s, expected the integer %d",
              version.isMissingNode() ? "missing" : version.toString(), FORMAT_VERSION),
          null);
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new UnsupportedFormatException(file, version.intValue(), String.valueOf(FORMAT_VERSION));
    }
  }
}
