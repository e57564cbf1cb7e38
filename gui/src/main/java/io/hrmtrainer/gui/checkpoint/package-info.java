/**
 * The checkpoint screen that "Start Training" always opens: new run or resume, the start position,
 * the dataset layout, the conflict with the ledger and the equivalent {@code hrm-hf train} command.
 */
package io.hrmtrainer.gui.checkpoint;
