package io.hrmtrainer.core.brain;

/** The reason a checkpoint directory is not a valid checkpoint. */
public enum CheckpointProblem {

  /** {@code COMMIT.json} does not exist: the checkpoint was never committed. */
  NO_COMMIT_RECORD,

  /** {@code COMMIT.json} cannot be read: truncated, not JSON, or missing required fields. */
  CORRUPT_COMMIT_RECORD,

  /** {@code COMMIT.json} has a format version this release does not read. */
  UNSUPPORTED_FORMAT,

  /** The sequence in {@code COMMIT.json} differs from the number in the directory name. */
  SEQUENCE_MISMATCH,

  /** A file listed in {@code COMMIT.json} does not exist. */
  MISSING_FILE,

  /** A file's size differs from the size in {@code COMMIT.json}. */
  SIZE_MISMATCH,

  /** A file's SHA-256 differs from the checksum in {@code COMMIT.json}. */
  CHECKSUM_MISMATCH,

  /** A file could not be read, for example for lack of permission. */
  UNREADABLE_FILE
}
