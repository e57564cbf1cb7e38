package io.hrmtrainer.tracker;

import io.hrmtrainer.core.dataset.DatasetLayout;
import io.hrmtrainer.core.position.ChunkPosition;

/**
 * A dataset layout computed from a sample count, a block size and a chunk size, for tests.
 *
 * @param sampleCount The samples in the dataset.
 * @param samplesPerBlock The block size.
 * @param chunkSize The chunk size.
 */
public record FixedLayout(long sampleCount, int samplesPerBlock, int chunkSize)
    implements DatasetLayout {

  /** Returns a layout of {@code blocks} full blocks of {@code chunksPerBlock} chunks of 10. */
  public static FixedLayout grid(int blocks, int chunksPerBlock) {
    int samplesPerBlock = chunksPerBlock * 10;
    return new FixedLayout((long) blocks * samplesPerBlock, samplesPerBlock, 10);
  }

  @Override
  public int totalBlocks() {
    return (int) ((sampleCount + samplesPerBlock - 1) / samplesPerBlock);
  }

  @Override
  public int chunksInBlock(int blockId) {
    long samples = samplesInBlock(blockId);
    return (int) ((samples + chunkSize - 1) / chunkSize);
  }

  @Override
  public int samplesInChunk(ChunkPosition position) {
    long inBlock = samplesInBlock(position.blockId());
    long first = (long) position.chunkId() * chunkSize;
    if (first >= inBlock) {
      throw new IndexOutOfBoundsException("no chunk " + position);
    }
    return (int) Math.min(chunkSize, inBlock - first);
  }

  private long samplesInBlock(int blockId) {
    if (blockId < 0 || blockId >= totalBlocks()) {
      throw new IndexOutOfBoundsException("no block " + blockId);
    }
    return Math.min(samplesPerBlock, sampleCount - (long) blockId * samplesPerBlock);
  }
}
