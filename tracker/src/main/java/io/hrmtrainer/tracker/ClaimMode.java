package io.hrmtrainer.tracker;

/** What a claim does with chunks that the ledger says are already trained in the current epoch. */
public enum ClaimMode {

  /**
   * Respect the ledger: skip chunks trained in the current epoch, reporting each skip once to the
   * tracker's {@link ChunkSkipListener}.
   */
  RESPECT,

  /**
   * Force training: hand out chunks at or after the lower bound even if the ledger has them as
   * trained in the current epoch, but never a chunk that this run has already trained in the
   * epoch, so every chunk is trained exactly once per run and epoch.
   */
  FORCE
}
