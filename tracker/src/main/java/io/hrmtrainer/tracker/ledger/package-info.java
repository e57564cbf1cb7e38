/**
 * The persisted ledger of trained chunks: the immutable {@link
 * io.hrmtrainer.tracker.ledger.LedgerState}, its entries, and {@link
 * io.hrmtrainer.tracker.ledger.LedgerStore}, which reads and writes {@code
 * chunk_tracker_state.json} atomically.
 */
package io.hrmtrainer.tracker.ledger;
