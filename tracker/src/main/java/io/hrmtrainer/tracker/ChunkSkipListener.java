package io.hrmtrainer.tracker;

import io.hrmtrainer.core.position.ChunkPosition;

/**
 * Receives the chunks that a {@link ClaimMode#RESPECT} claim passes over because the ledger has
 * them as trained in the current epoch, so that the trainer can emit {@code chunk_skipped} with
 * reason {@code already_trained}.
 *
 * <p>Each skipped chunk is reported once per tracker and epoch, in position order, from the thread
 * that claimed, outside the tracker's lock. Implementations must be thread-safe when several
 * workers claim.
 */
@FunctionalInterface
public interface ChunkSkipListener {

  /** A listener that ignores skips. */
  ChunkSkipListener NONE = (position, epoch) -> {};

  /**
   * Called for a chunk that is skipped because it is already trained.
   *
   * @param position The skipped chunk.
   * @param epoch The epoch in which it was already trained.
   */
  void chunkSkipped(ChunkPosition position, int epoch);
}
