package io.hrmtrainer.tracker.ledger;

import io.hrmtrainer.core.position.ChunkPosition;
import java.util.Objects;

/**
 * A chunk that a worker had claimed when the ledger was written, as recorded in {@code
 * in_progress_chunks[]}.
 *
 * <p>The entry is informational: a claim never survives its run, so a loaded ledger treats these
 * chunks as pending.
 *
 * @param position The claimed chunk.
 * @param workerId The worker that held the claim.
 */
public record InProgressChunk(ChunkPosition position, int workerId) {

  /** Creates an entry. */
  public InProgressChunk {
    Objects.requireNonNull(position, "position");
  }
}
