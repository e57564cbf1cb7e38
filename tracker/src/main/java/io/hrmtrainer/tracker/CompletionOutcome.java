package io.hrmtrainer.tracker;

/** The result of {@link ChunkTracker#markTrained} for one completion. */
public enum CompletionOutcome {

  /** The chunk is now recorded as trained; emit {@code chunk_trained} for it. */
  RECORDED,

  /** This claim was recorded before; nothing changed and samples were not counted again. */
  ALREADY_RECORDED,

  /**
   * The caller no longer owns the claim: its lease expired and another worker took the chunk, or
   * the claim was released. Nothing was recorded, so the worker should discard the chunk's result.
   */
  REJECTED;

  /** Returns whether this completion changed the ledger. */
  public boolean isRecorded() {
    return this == RECORDED;
  }
}
