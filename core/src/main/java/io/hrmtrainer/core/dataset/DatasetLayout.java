package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.position.ChunkPosition;

/**
 * The block and chunk layout of a dataset: how many blocks it has and how many chunks and samples
 * each block contains.
 *
 * <p>A block contains {@code samplesPerBlock()} consecutive samples, the last one possibly fewer.
 * A chunk contains {@code chunkSize()} consecutive samples inside one block, the last chunk of a
 * block possibly fewer. Chunks never cross blocks. Implementations are immutable.
 */
public interface DatasetLayout {

  /** Returns the number of samples in the whole dataset. */
  long sampleCount();

  /** Returns the configured number of samples per block. */
  int samplesPerBlock();

  /** Returns the configured number of samples per chunk. */
  int chunkSize();

  /** Returns the number of blocks; 0 only for an empty dataset. */
  int totalBlocks();

  /**
   * Returns the number of chunks in block {@code blockId}.
   *
   * @throws IndexOutOfBoundsException if {@code blockId} is not in {@code [0, totalBlocks())}.
   */
  int chunksInBlock(int blockId);

  /**
   * Returns the number of samples in the chunk at {@code position}.
   *
   * @throws IndexOutOfBoundsException if the position is not in the layout. Check it with {@link
   *     #contains(ChunkPosition)}.
   */
  int samplesInChunk(ChunkPosition position);

  /** Returns the total number of chunks over all blocks. */
  default long totalChunks() {
    long total = 0;
    for (int block = 0; block < totalBlocks(); block++) {
      total += chunksInBlock(block);
    }
    return total;
  }

  /** Returns whether {@code position} names a chunk of this layout. */
  default boolean contains(ChunkPosition position) {
    return position.blockId() < totalBlocks()
        && position.chunkId() < chunksInBlock(position.blockId());
  }

  /**
   * Returns the number of chunks that come before {@code position} in claim order, which is also
   * the 0-based global index of that chunk.
   */
  default long chunksBefore(ChunkPosition position) {
    long before = 0;
    int lastFullBlock = Math.min(position.blockId(), totalBlocks());
    for (int block = 0; block < lastFullBlock; block++) {
      before += chunksInBlock(block);
    }
    if (position.blockId() < totalBlocks()) {
      before += Math.min(position.chunkId(), chunksInBlock(position.blockId()));
    }
    return before;
  }
}
