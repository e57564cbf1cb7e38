package io.hrmtrainer.core.brain;

import java.util.List;

/**
 * The outcome of {@link CheckpointStore#prune(int)}.
 *
 * @param deleted The valid checkpoints deleted, oldest first.
 * @param kept The valid checkpoints kept, oldest first.
 * @param invalid The invalid checkpoints found and left in place, for the caller to report.
 */
public record PruneResult(
    List<CheckpointInfo> deleted, List<CheckpointInfo> kept, List<CheckpointInfo> invalid) {

  /** Makes unmodifiable copies of the lists. */
  public PruneResult {
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    invalid = List.copyOf(invalid);
  }
}
