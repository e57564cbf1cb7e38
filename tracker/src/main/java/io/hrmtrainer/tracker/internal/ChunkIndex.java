package io.hrmtrainer.tracker.internal;

import io.hrmtrainer.core.dataset.DatasetLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import java.util.Arrays;

/**
 * Maps chunk positions to dense global indices (0 for the first chunk, in claim order) and back.
 *
 * <p>It keeps one prefix sum per block, so it costs {@code O(blocks)} memory and no object per
 * chunk. {@link #indexOf} is {@code O(1)}, and {@link #positionOf} is a binary search over the
 * blocks.
 * Instances are immutable and safe to share between threads.
 */
public final class ChunkIndex {

  /** {@code blockStarts[b]} is the global index of chunk (b, 0); the last entry is the total. */
  private final long[] blockStarts;

  private ChunkIndex(long[] blockStarts) {
    this.blockStarts = blockStarts;
  }

  /**
   * Builds the index of {@code layout}.
   *
   * @throws IllegalArgumentException if the layout has more than {@link Integer#MAX_VALUE} chunks,
   *     which the bit sets of the ledger cannot address.
   */
  public static ChunkIndex of(DatasetLayout layout) {
    int blocks = layout.totalBlocks();
    long[] starts = new long[blocks + 1];
    for (int block = 0; block < blocks; block++) {
      starts[block + 1] = starts[block] + layout.chunksInBlock(block);
    }
    if (starts[blocks] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          String.format(
              "the dataset has %d chunks, more than the ledger supports (%d); use a larger"
                  + " --dataset-chunk-size",
              starts[blocks], Integer.MAX_VALUE));
    }
    return new ChunkIndex(starts);
  }

  /** Returns the number of blocks. */
  public int totalBlocks() {
    return blockStarts.length - 1;
  }

  /** Returns the number of chunks over all blocks. */
  public int totalChunks() {
    return (int) blockStarts[blockStarts.length - 1];
  }

  /** Returns the number of chunks in {@code blockId}. */
  public int chunksInBlock(int blockId) {
    return (int) (blockStarts[blockId + 1] - blockStarts[blockId]);
  }

  /** Returns whether {@code position} names a chunk of the layout. */
  public boolean contains(ChunkPosition position) {
    return position.blockId() < totalBlocks()
        && position.chunkId() < chunksInBlock(position.blockId());
  }

  /**
   * Returns the global index of the chunk at {@code position}.
   *
   * @throws IndexOutOfBoundsException if the position is not in the layout; check it with {@link
   *     #contains(ChunkPosition)}.
   */
  public int indexOf(ChunkPosition position) {
    if (!contains(position)) {
      throw new IndexOutOfBoundsException(
          String.format(
              "chunk %s is not in the dataset layout of %d blocks", position, totalBlocks()));
    }
    return (int) (blockStarts[position.blockId()] + position.chunkId());
  }

  /**
   * Returns the number of chunks before {@code lowerBound} in claim order, which is the index of
   * the first chunk at or after it. A bound past the end gives {@link #totalChunks()}. A chunk id
   * past the end of its block gives the index of the next block's first chunk.
   */
  public int firstIndexAtOrAfter(ChunkPosition lowerBound) {
    int block = lowerBound.blockId();
    if (block >= totalBlocks()) {
      return totalChunks();
    }
    long index = blockStarts[block] + Math.min(lowerBound.chunkId(), chunksInBlock(block));
    return (int) index;
  }

  /**
   * Returns the position of the chunk with global index {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, totalChunks())}.
   */
  public ChunkPosition positionOf(int index) {
    if (index < 0 || index >= totalChunks()) {
      throw new IndexOutOfBoundsException(
          String.format("chunk index %d is out of range [0, %d)", index, totalChunks()));
    }
    int found = Arrays.binarySearch(blockStarts, index);
    // Empty blocks share their start with the next block: move to the last block with that start.
    int block = found >= 0 ? found : -found - 2;
    while (block + 1 < totalBlocks() && blockStarts[block + 1] <= index) {
      block++;
    }
    return new ChunkPosition(block, (int) (index - blockStarts[block]));
  }
}
