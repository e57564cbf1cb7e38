package io.hrmtrainer.tracker.internal;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.util.BitSet;

/** Turns a ledger's completions of its current epoch into a bit set over global chunk indices. */
public final class LedgerBits {

  private LedgerBits() {}

  /**
   * Returns the global indices of the chunks that {@code ledger} records as trained in its current
   * epoch. Costs {@code O(completions)} and one bit per chunk.
   *
   * @throws InvalidInputException if such a chunk is not in the layout, which means the ledger
   *     belongs to another dataset layout.
   */
  public static BitSet trainedInCurrentEpoch(LedgerState ledger, ChunkIndex index) {
    BitSet trained = new BitSet(index.totalChunks());
    for (CompletedChunk chunk : ledger.completedChunks()) {
      if (chunk.epoch() == ledger.currentEpoch()) {
        trained.set(indexOf(chunk, index));
      }
    }
    return trained;
  }

  private static int indexOf(CompletedChunk chunk, ChunkIndex index) {
    if (!index.contains(chunk.position())) {
      throw new InvalidInputException(
          String.format(
              "the chunk ledger records chunk %s as trained in epoch %d, but the dataset has no"
                  + " such chunk (%d blocks); the ledger belongs to another dataset layout. Start"
                  + " a new run to begin a fresh ledger.",
              chunk.position(), chunk.epoch(), index.totalBlocks()));
    }
    return index.indexOf(chunk.position());
  }
}
