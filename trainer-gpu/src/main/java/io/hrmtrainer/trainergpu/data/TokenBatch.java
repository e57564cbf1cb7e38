package io.hrmtrainer.trainergpu.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One batch of token rows, all of the same length, ready to become an {@code [batch, seq]}
 * NDArray of {@code int64} ids.
 *
 * <p>Immutable: the rows are copied in and copied out.
 */
public final class TokenBatch {

  private final int[][] rows;

  private TokenBatch(int[][] rows) {
    this.rows = rows;
  }

  /**
   * Creates a batch from token rows, copying them.
   *
   * @param rows At least one row; all rows have the same length.
   * @return The batch.
   * @throws IllegalArgumentException if there are no rows or their lengths differ.
   */
  public static TokenBatch of(int[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("a token batch needs at least one row, got 0");
    }
    int[][] copy = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException(String.format(
            "row %d has %d tokens but row 0 has %d; encode all rows with the same tokenizer",
            i, rows[i].length, rows[0].length));
      }
      copy[i] = rows[i].clone();
    }
    return new TokenBatch(copy);
  }

  /**
   * Returns the number of rows.
   *
   * @return The batch size, at least 1.
   */
  public int size() {
    return rows.length;
  }

  /**
   * Returns the number of tokens per row.
   *
   * @return The sequence length.
   */
  public int seqLen() {
    return rows[0].length;
  }

  /**
   * Returns a copy of one row.
   *
   * @param index The row index in {@code [0, size())}.
   * @return The token ids of that row.
   */
  public int[] row(int index) {
    return rows[index].clone();
  }

  /**
   * Creates the {@code [size, seqLen]} {@code int64} NDArray of this batch.
   *
   * @param manager The manager that owns the new array; close it to free the array.
   * @return The token id array.
   */
  public NDArray toNDArray(NDManager manager) {
    long[] flat = new long[rows.length * seqLen()];
    for (int r = 0; r < rows.length; r++) {
      for (int t = 0; t < rows[r].length; t++) {
        flat[r * seqLen() + t] = rows[r][t];
      }
    }
    return manager.create(flat, new Shape(rows.length, seqLen()));
  }
}
