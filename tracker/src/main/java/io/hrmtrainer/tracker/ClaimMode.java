package io.hrmtrainer.tracker;

/** The treatment of chunks that the ledger records as trained in the current epoch. */
public enum ClaimMode {

  /**
   * Respect the ledger: skip chunks trained in the current epoch, reporting each skip once to the
   * tracker's {@link ChunkSkipListener}.
   */
  RESPECT,

  /**
   * Force training: hand out chunks at or after the lower bound even if the ledger records them as
   * trained in the current epoch. A chunk that this run has already trained in the epoch is never
   * handed out again, so every chunk is trained exactly once per run and epoch.
   */
  FORCE
}
