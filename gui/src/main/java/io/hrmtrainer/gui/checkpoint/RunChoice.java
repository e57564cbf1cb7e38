package io.hrmtrainer.gui.checkpoint;

/** The way a run begins: with fresh weights, or from a checkpoint of the brain. */
public enum RunChoice {
  /** Fresh weights and a fresh ledger; an existing ledger is archived. */
  NEW_RUN,
  /** Weights, optimizer state and ledger from the chosen checkpoint. */
  RESUME
}
