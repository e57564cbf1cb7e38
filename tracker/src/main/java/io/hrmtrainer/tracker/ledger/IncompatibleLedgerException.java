package io.hrmtrainer.tracker.ledger;

import io.hrmtrainer.core.InvalidInputException;
import java.util.List;

/**
 * Signals a ledger written for another dataset content, block size or chunk size, whose chunk
 * positions therefore do not name the same samples.
 *
 * <p>The message lists each differing field with the ledger's and the current dataset's value, one
 * per line, and offers the two ways out: {@code --force-train}, or a new run with a fresh ledger.
 */
public final class IncompatibleLedgerException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final List<String> mismatches;

  /**
   * Creates the exception.
   *
   * @param mismatches One line per differing field, for example {@code "samples_per_block: ledger
   *     100000, current dataset 50000"}.
   */
  public IncompatibleLedgerException(List<String> mismatches) {
    super(message(mismatches));
    this.mismatches = List.copyOf(mismatches);
  }

  /** Returns one line per differing field, naming the ledger's and the dataset's value. */
  public List<String> mismatches() {
    return mismatches;
  }

  private static String message(List<String> mismatches) {
    return String.format(
        "the chunk ledger was written for a different dataset or chunking:%n  %s%n"
            + "Use --force-train to train every chunk from the start position again, or start a"
            + " new run (without --resume) to begin a fresh ledger.",
        String.join(String.format("%n  "), mismatches));
  }
}
