package io.hrmtrainer.trainergpu.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Cuts one chunk's samples into token batches in a seeded, shuffled order.
 *
 * <p>The samples are permuted by a Fisher-Yates shuffle driven by {@link java.util.Random}
 * (whose algorithm the JDK specifies) seeded with {@link ShuffleSeeds#forChunk}, then grouped
 * into batches of {@code batchSize} in that order. The last batch keeps the remaining samples
 * and may be smaller; no sample is dropped.
 *
 * <p>Not thread-safe: one iterator belongs to one worker.
 */
public final class BatchIterator implements Iterator<TokenBatch> {

  private final List<String> order;
  private final ByteTokenizer tokenizer;
  private final int batchSize;
  private int next;

  private BatchIterator(List<String> order, ByteTokenizer tokenizer, int batchSize) {
    this.order = order;
    this.tokenizer = tokenizer;
    this.batchSize = batchSize;
  }

  /**
   * Creates an iterator over one chunk's samples.
   *
   * @param samples The chunk's samples in file order; copied.
   * @param tokenizer Encodes each sample into one row.
   * @param batchSize The rows per batch, at least 1.
   * @param shuffleSeed The chunk's seed, usually from {@link ShuffleSeeds#forChunk}.
   * @return The iterator, positioned before the first batch.
   * @throws IllegalArgumentException if {@code batchSize < 1}; pass a positive batch size.
   */
  public static BatchIterator forChunk(
      List<String> samples, ByteTokenizer tokenizer, int batchSize, long shuffleSeed) {

    if (batchSize < 1) {
      throw new IllegalArgumentException(String.format(
          "batch_size is %d but must be at least 1; raise --batch-size", batchSize));
    }
    List<String> order = new ArrayList<>(samples);
    shuffle(order, new Random(shuffleSeed));
    return new BatchIterator(List.copyOf(order), tokenizer, batchSize);
  }

  /**
   * Returns the number of batches this chunk yields in total, counting a smaller last one.
   *
   * @return {@code ceil(samples / batchSize)}.
   */
  public int batchCount() {
    return (order.size() + batchSize - 1) / batchSize;
  }

  /**
   * Returns the samples in the shuffled order the batches use.
   *
   * @return An unmodifiable list.
   */
  public List<String> shuffledSamples() {
    return order;
  }

  @Override
  public boolean hasNext() {
    return next < order.size();
  }

  @Override
  public TokenBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException(String.format(
          "all %d batches of this chunk were returned; check hasNext() first", batchCount()));
    }
    int end = Math.min(next + batchSize, order.size());
    int[][] rows = new int[end - next][];
    for (int i = next; i < end; i++) {
      rows[i - next] = tokenizer.encode(order.get(i));
    }
    next = end;
    return TokenBatch.of(rows);
  }

  private static void shuffle(List<String> items, Random random) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swapped = items.get(i);
      items.set(i, items.get(j));
      items.set(j, swapped);
    }
  }
}
