package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.ChunkPosition;

/**
 * The block and chunk layout that follows from a sample count, a block size and a chunk size,
 * computed by arithmetic in constant time.
 *
 * <p>Every block but the last contains {@code samplesPerBlock} samples, and every chunk but the
 * last of its block contains {@code chunkSize} samples. A chunk size larger than the block size
 * makes every block a single chunk. Instances are immutable and safe to share between threads.
 */
public final class UniformLayout implements DatasetLayout {

  private final long sampleCount;
  private final int samplesPerBlock;
  private final int chunkSize;
  private final int totalBlocks;
  private final int chunksPerFullBlock;

  private UniformLayout(long sampleCount, int samplesPerBlock, int chunkSize) {
    this.sampleCount = sampleCount;
    this.samplesPerBlock = samplesPerBlock;
    this.chunkSize = chunkSize;
    this.totalBlocks = toBlockCount(sampleCount, samplesPerBlock);
    this.chunksPerFullBlock = ceilDiv(samplesPerBlock, chunkSize);
  }

  /**
   * Returns the layout of {@code sampleCount} samples.
   *
   * @throws InvalidInputException if the sample count is negative, a size is below 1, or the
   *     dataset would have more than {@link Integer#MAX_VALUE} blocks. Choose a larger block size.
   */
  public static UniformLayout of(long sampleCount, int samplesPerBlock, int chunkSize) {
    if (sampleCount < 0) {
      throw new IllegalArgumentException(
          String.format("sample count %d is negative: expected 0 or more", sampleCount));
    }
    checkSizes(samplesPerBlock, chunkSize);
    return new UniformLayout(sampleCount, samplesPerBlock, chunkSize);
  }

  /**
   * Checks the block and chunk sizes a user chose.
   *
   * @throws InvalidInputException if either size is below 1. The message names the flag to change.
   */
  public static void checkSizes(int samplesPerBlock, int chunkSize) {
    if (samplesPerBlock < 1) {
      throw new InvalidInputException(
          String.format(
              "samples per block %d is out of range: expected an integer >= 1;"
                  + " set --samples-per-block to a positive number",
              samplesPerBlock));
    }
    if (chunkSize < 1) {
      throw new InvalidInputException(
          String.format(
              "dataset chunk size %d is out of range: expected an integer >= 1;"
                  + " set --dataset-chunk-size to a positive number",
              chunkSize));
    }
  }

  @Override
  public long sampleCount() {
    return sampleCount;
  }

  @Override
  public int samplesPerBlock() {
    return samplesPerBlock;
  }

  @Override
  public int chunkSize() {
    return chunkSize;
  }

  @Override
  public int totalBlocks() {
    return totalBlocks;
  }

  @Override
  public int chunksInBlock(int blockId) {
    return ceilDiv(samplesInBlock(blockId), chunkSize);
  }

  /**
   * Returns the number of samples in block {@code blockId}.
   *
   * @throws IndexOutOfBoundsException if {@code blockId} is not in {@code [0, totalBlocks())}.
   */
  public int samplesInBlock(int blockId) {
    checkBlock(blockId);
    if (blockId < totalBlocks - 1) {
      return samplesPerBlock;
    }
    return (int) (sampleCount - (long) blockId * samplesPerBlock);
  }

  @Override
  public int samplesInChunk(ChunkPosition position) {
    checkContains(position);
    int samplesInBlock = samplesInBlock(position.blockId());
    long start = (long) position.chunkId() * chunkSize;
    return (int) Math.min(chunkSize, samplesInBlock - start);
  }

  /**
   * Returns the 0-based index, over the whole dataset, of the first sample of the chunk at {@code
   * position}.
   *
   * @throws IndexOutOfBoundsException if the position is not in the layout.
   */
  public long firstSampleOf(ChunkPosition position) {
    checkContains(position);
    return (long) position.blockId() * samplesPerBlock + (long) position.chunkId() * chunkSize;
  }

  /**
   * Returns the position of the chunk that contains sample {@code sampleIndex} (0-based).
   *
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, sampleCount())}.
   */
  public ChunkPosition positionOfSample(long sampleIndex) {
    if (sampleIndex < 0 || sampleIndex >= sampleCount) {
      throw new IndexOutOfBoundsException(
          String.format(
              "sample %d is out of range: the dataset has %d samples (0-%d)",
              sampleIndex, sampleCount, sampleCount - 1));
    }
    int blockId = (int) (sampleIndex / samplesPerBlock);
    int chunkId = (int) ((sampleIndex % samplesPerBlock) / chunkSize);
    return ChunkPosition.of(blockId, chunkId);
  }

  @Override
  public long totalChunks() {
    if (totalBlocks == 0) {
      return 0;
    }
    return (long) (totalBlocks - 1) * chunksPerFullBlock + chunksInBlock(totalBlocks - 1);
  }

  @Override
  public boolean contains(ChunkPosition position) {
    return position.blockId() < totalBlocks
        && position.chunkId() < chunksInBlock(position.blockId());
  }

  @Override
  public long chunksBefore(ChunkPosition position) {
    if (position.blockId() >= totalBlocks) {
      return totalChunks();
    }
    long before = (long) position.blockId() * chunksPerFullBlock;
    return before + Math.min(position.chunkId(), chunksInBlock(position.blockId()));
  }

  /** Returns the counts a user needs to see the layout at a glance. */
  public BlockSummary blockSummary() {
    if (totalBlocks == 0) {
      return new BlockSummary(0, 0, 0, samplesPerBlock, chunkSize, chunksPerFullBlock, 0, 0);
    }
    int lastBlock = totalBlocks - 1;
    return new BlockSummary(
        sampleCount,
        totalBlocks,
        totalChunks(),
        samplesPerBlock,
        chunkSize,
        chunksPerFullBlock,
        samplesInBlock(lastBlock),
        chunksInBlock(lastBlock));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof UniformLayout)) {
      return false;
    }
    UniformLayout that = (UniformLayout) other;
    return sampleCount == that.sampleCount
        && samplesPerBlock == that.samplesPerBlock
        && chunkSize == that.chunkSize;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sampleCount) * 31 * 31 + samplesPerBlock * 31 + chunkSize;
  }

  @Override
  public String toString() {
    return blockSummary().toString();
  }

  private void checkBlock(int blockId) {
    if (blockId < 0 || blockId >= totalBlocks) {
      throw new IndexOutOfBoundsException(
          String.format(
              "block %d is out of range: the dataset has %d blocks (%s)",
              blockId, totalBlocks, range(totalBlocks)));
    }
  }

  private void checkContains(ChunkPosition position) {
    checkBlock(position.blockId());
    int chunks = chunksInBlock(position.blockId());
    if (position.chunkId() >= chunks) {
      throw new IndexOutOfBoundsException(
          String.format(
              "chunk %s is out of range: block %d has %d chunks (%s)",
              position, position.blockId(), chunks, range(chunks)));
    }
  }

  private static String range(int count) {
    return count == 0 ? "none" : "0-" + (count - 1);
  }

  private static int toBlockCount(long sampleCount, int samplesPerBlock) {
    long blocks = (sampleCount + samplesPerBlock - 1) / samplesPerBlock;
    if (blocks > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          String.format(
              "%d samples in blocks of %d make %d blocks: expected at most %d blocks;"
                  + " raise --samples-per-block",
              sampleCount, samplesPerBlock, blocks, Integer.MAX_VALUE));
    }
    return (int) blocks;
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (int) (((long) dividend + divisor - 1) / divisor);
  }
}
