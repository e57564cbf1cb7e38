package io.hrmtrainer.core.dataset;

/**
 * The block and chunk counts of a dataset, for display: how many blocks and chunks it has, and how
 * full its last block is.
 *
 * @param sampleCount The number of samples in the dataset.
 * @param totalBlocks The number of blocks.
 * @param totalChunks The number of chunks over all blocks.
 * @param samplesPerBlock The configured number of samples per block.
 * @param chunkSize The configured number of samples per chunk.
 * @param chunksPerFullBlock The number of chunks in a block of {@code samplesPerBlock}
 *     samples.
 * @param lastBlockSamples The number of samples in the last block; 0 for an empty dataset.
 * @param lastBlockChunks The number of chunks in the last block; 0 for an empty dataset.
 */
public record BlockSummary(
    long sampleCount,
    int totalBlocks,
    long totalChunks,
    int samplesPerBlock,
    int chunkSize,
    int chunksPerFullBlock,
    int lastBlockSamples,
    int lastBlockChunks) {

  /** Returns whether the last block contains fewer samples than a full block. */
  public boolean hasShortLastBlock() {
    return totalBlocks > 0 && lastBlockSamples < samplesPerBlock;
  }

  /**
   * Describes the layout in one line, for example {@code "32777 samples in 4 blocks of 10000
   * samples (10 chunks of 1000 each), 33 chunks in all; last block: 2777 samples in 3 chunks"}.
   */
  @Override
  public String toString() {
    return String.format(
        "%d samples in %d blocks of %d samples (%d chunks of %d each), %d chunks in all;"
            + " last block: %d samples in %d chunks",
        sampleCount,
        totalBlocks,
        samplesPerBlock,
        chunksPerFullBlock,
        chunkSize,
        totalChunks,
        lastBlockSamples,
        lastBlockChunks);
  }
}
