package io.hrmtrainer.core.brain;

import com.fasterxml.jackson.databind.JsonNode;
import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one checkpoint directory against its {@code COMMIT.json}: the record reads, its sequence
 * matches the directory name, and every listed file has the recorded size and SHA-256.
 *
 * <p>Problems with the checkpoint become an invalid {@link CheckpointInfo}, never an exception.
 */
final class CheckpointVerifier {

  private CheckpointVerifier() {}

  /** Returns the summary of a verified checkpoint, falling back to the commit time. */
  static CheckpointSummary summaryOf(Path directory, CommitRecord record) {
    CheckpointSummary fromState = CheckpointSummary.empty();
    if (record.files().containsKey(CheckpointSummary.TRAINER_STATE_FILE)) {
      try {
        JsonNode state = JsonFiles.readTree(directory.resolve(CheckpointSummary.TRAINER_STATE_FILE));
        fromState = CheckpointSummary.fromTrainerState(state);
      } catch (IOException | InvalidInputException e) {
        // The checksum matched, so the trainer wrote this content; a summary is only a display aid.
        fromState = CheckpointSummary.empty();
      }
    }
    if (fromState.createdAt().isPresent()) {
      return fromState;
    }
    return new CheckpointSummary(
        fromState.globalStep(),
        fromState.epoch(),
        fromState.chunksCommitted(),
        fromState.samplesTrained(),
        Optional.of(record.createdAt()));
  }

  /** Verifies the checkpoint in {@code directory}, whose name carries {@code sequence}. */
  static CheckpointInfo verify(Path directory, long sequence) {
    Path commitFile = directory.resolve(CommitRecord.FILE_NAME);
    if (!Files.isDirectory(directory)) {
      return CheckpointInfo.invalid(
          sequence, directory, CheckpointProblem.MISSING_FILE, "the checkpoint directory does not exist");
    }
    if (!Files.exists(commitFile)) {
      return CheckpointInfo.invalid(
          sequence,
          directory,
          CheckpointProblem.NO_COMMIT_RECORD,
          "COMMIT.json is missing, so the checkpoint was never committed (a run probably stopped"
              + " while writing it)");
    }

    CommitRecord record;
    try {
      record = CommitRecord.read(commitFile);
    } catch (UnsupportedFormatException e) {
      return CheckpointInfo.invalid(
          sequence, directory, CheckpointProblem.UNSUPPORTED_FORMAT, e.getMessage());
    } catch (CorruptFileException e) {
      return CheckpointInfo.invalid(
          sequence,
          directory,
          CheckpointProblem.CORRUPT_COMMIT_RECORD,
          "COMMIT.json cannot be read: " + e.problem());
    } catch (IOException e) {
      return CheckpointInfo.invalid(
          sequence,
          directory,
          CheckpointProblem.UNREADABLE_FILE,
          String.format("COMMIT.json cannot be opened (%s)", e));
    }
    if (record.sequence() != sequence) {
      return CheckpointInfo.invalid(
          sequence,
          directory,
          CheckpointProblem.SEQUENCE_MISMATCH,
          String.format(
              "COMMIT.json records sequence %d, but the directory is named for sequence %d",
              record.sequence(), sequence));
    }
    for (Map.Entry<String, CommitRecord.FileEntry> entry : record.files().entrySet()) {
      Optional<CheckpointInfo> failure = verifyFile(sequence, directory, entry.getKey(), entry.getValue());
      if (failure.isPresent()) {
        return failure.get();
      }
    }
    return CheckpointInfo.valid(sequence, directory, record, summaryOf(directory, record));
  }

  private static Optional<CheckpointInfo> verifyFile(
      long sequence, Path directory, String name, CommitRecord.FileEntry expected) {

    Path file = directory.resolve(name).normalize();
    if (!directory.equals(file.getParent())) {
      return Optional.of(
          CheckpointInfo.invalid(
              sequence,
              directory,
              CheckpointProblem.CORRUPT_COMMIT_RECORD,
              String.format("COMMIT.json lists \"%s\", which is not a file of the checkpoint", name)));
    }

    try {
      long size = Files.size(file);
      if (size != expected.size()) {
        return Optional.of(
            CheckpointInfo.invalid(
                sequence,
                directory,
                CheckpointProblem.SIZE_MISMATCH,
                String.format(
                    "file %s has %d bytes, but COMMIT.json records %d bytes",
                    name, size, expected.size())));
      }
      String actual = sha256Of(file);
      if (!actual.equalsIgnoreCase(expected.sha256())) {
        return Optional.of(
            CheckpointInfo.invalid(
                sequence,
                directory,
                CheckpointProblem.CHECKSUM_MISMATCH,
                String.format(
                    "file %s fails its checksum:%n  expected SHA-256 %s%n  actual SHA-256   %s",
                    name, expected.sha256(), actual)));
      }
    } catch (NoSuchFileException e) {
      return Optional.of(
          CheckpointInfo.invalid(
              sequence,
              directory,
              CheckpointProblem.MISSING_FILE,
              String.format("file %s is listed in COMMIT.json but missing", name)));
    } catch (IOException e) {
      return Optional.of(
          CheckpointInfo.invalid(
              sequence,
              directory,
              CheckpointProblem.UNREADABLE_FILE,
              String.format("file %s cannot be read (%s)", name, e)));
    }
    return Optional.empty();
  }

  private static String sha256Of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      while (in.read(buffer) != -1) {
        // The digest stream updates the digest as the bytes pass.
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
