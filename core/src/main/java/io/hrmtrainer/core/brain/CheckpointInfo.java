package io.hrmtrainer.core.brain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One checkpoint directory as found on disk: its name, sequence, validity and, when valid, its
 * commit record and summary.
 *
 * <p>A valid checkpoint's {@code COMMIT.json} verifies: every listed file exists with the recorded
 * size and SHA-256. An invalid one carries a {@link CheckpointProblem} and a reason a user can
 * read. Instances are immutable snapshots. The directory may change after they were made, so
 * call {@link CheckpointStore#verify(CheckpointInfo)} again right before loading.
 */
public final class CheckpointInfo {

  private final String name;
  private final long sequence;
  private final Path directory;
  private final CommitRecord commit;
  private final CheckpointProblem problem;
  private final String reason;
  private final CheckpointSummary summary;

  private CheckpointInfo(
      String name,
      long sequence,
      Path directory,
      CommitRecord commit,
      CheckpointProblem problem,
      String reason,
      CheckpointSummary summary) {

    this.name = name;
    this.sequence = sequence;
    this.directory = directory;
    this.commit = commit;
    this.problem = problem;
    this.reason = reason;
    this.summary = summary;
  }

  /** Returns a valid checkpoint with its verified commit record and summary. */
  public static CheckpointInfo valid(
      long sequence, Path directory, CommitRecord commit, CheckpointSummary summary) {

    return new CheckpointInfo(
        directory.getFileName().toString(),
        sequence,
        directory,
        Objects.requireNonNull(commit, "commit"),
        null,
        null,
        Objects.requireNonNull(summary, "summary"));
  }

  /** Returns an invalid checkpoint with the problem found and a reason a user can read. */
  public static CheckpointInfo invalid(
      long sequence, Path directory, CheckpointProblem problem, String reason) {

    return new CheckpointInfo(
        directory.getFileName().toString(),
        sequence,
        directory,
        null,
        Objects.requireNonNull(problem, "problem"),
        Objects.requireNonNull(reason, "reason"),
        CheckpointSummary.empty());
  }

  /** Returns the directory name, for example {@code ckpt-000012}. */
  public String name() {
    return name;
  }

  /** Returns the sequence number from the directory name. */
  public long sequence() {
    return sequence;
  }

  /** Returns the checkpoint directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the path of file {@code fileName} inside the checkpoint directory. */
  public Path file(String fileName) {
    return directory.resolve(fileName);
  }

  /** Returns whether the checkpoint verified. */
  public boolean isValid() {
    return problem == null;
  }

  /** Returns the commit record of a valid checkpoint; empty for an invalid one. */
  public Optional<CommitRecord> commit() {
    return Optional.ofNullable(commit);
  }

  /** Returns what is wrong with an invalid checkpoint; empty for a valid one. */
  public Optional<CheckpointProblem> problem() {
    return Optional.ofNullable(problem);
  }

  /** Returns why an invalid checkpoint is invalid, in words; empty for a valid one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns the summary from {@code trainer_state.json}; empty values when there is none. */
  public CheckpointSummary summary() {
    return summary;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CheckpointInfo)) {
      return false;
    }
    CheckpointInfo that = (CheckpointInfo) other;
    return sequence == that.sequence
        && directory.equals(that.directory)
        && Objects.equals(commit, that.commit)
        && problem == that.problem
        && Objects.equals(reason, that.reason)
        && summary.equals(that.summary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, directory, commit, problem, reason, summary);
  }

  @Override
  public String toString() {
    return isValid() ? name + " (valid)" : String.format("%s (invalid: %s)", name, reason);
  }
}
