package io.hrmtrainer.gui.checkpoint;

/** The treatment of chunks at or after the start position that the ledger has as trained. */
public enum ConflictChoice {
  /** Skip them (the CLI's default). */
  RESPECT,
  /** Train them again ({@code --force-train}). */
  FORCE
}
