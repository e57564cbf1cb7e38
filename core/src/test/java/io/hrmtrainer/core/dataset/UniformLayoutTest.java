package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.ChunkPosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UniformLayoutTest {

  @ParameterizedTest(name = "{0} samples, blocks of {1}, chunks of {2}")
  @CsvSource({
    // samples, per block, chunk, blocks, chunks, chunks per full block, last block samples, last block chunks
    "100, 10, 5, 10, 20, 2, 10, 2", // exact multiples everywhere
    "95, 10, 5, 10, 19, 2, 5, 1", // short last block with one full chunk
    "93, 10, 5, 10, 19, 2, 3, 1", // short last block with a short chunk
    "100, 10, 4, 10, 30, 3, 10, 3", // every block ends with a short chunk
    "7, 10, 4, 1, 2, 3, 7, 2", // a single short block
    "25, 10, 20, 3, 3, 1, 5, 1", // chunk larger than a block: one chunk per block
    "1, 1, 1, 1, 1, 1, 1, 1",
    "32777, 10000, 1000, 4, 33, 10, 2777, 3", // the bundled Tiny Shakespeare file
  })
  void countsBlocksAndChunks(
      long samples,
      int perBlock,
      int chunk,
      int blocks,
      long chunks,
      int chunksPerFullBlock,
      int lastBlockSamples,
      int lastBlockChunks) {

    UniformLayout layout = UniformLayout.of(samples, perBlock, chunk);

    assertThat(layout.blockSummary())
        .isEqualTo(
            new BlockSummary(
                samples,
                blocks,
                chunks,
                perBlock,
                chunk,
                chunksPerFullBlock,
                lastBlockSamples,
                lastBlockChunks));
  }

  @ParameterizedTest(name = "{0} samples, blocks of {1}, chunks of {2}")
  @CsvSource({"100, 10, 5", "95, 10, 5", "93, 10, 4", "7, 10, 4", "25, 10, 20", "1, 1, 1"})
  void arithmeticMatchesChunkWalk(long samples, int perBlock, int chunk) {
    UniformLayout layout = UniformLayout.of(samples, perBlock, chunk);

    List<ChunkPosition> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    long remaining = samples;
    for (int block = 0; remaining > 0; block++) {
      long inBlock = Math.min(perBlock, remaining);
      remaining -= inBlock;
      for (int c = 0; inBlock > 0; c++) {
        int size = (int) Math.min(chunk, inBlock);
        inBlock -= size;
        walked.add(ChunkPosition.of(block, c));
        sizes.add(size);
      }
    }

    assertThat(layout.totalChunks()).isEqualTo(walked.size());
    long firstSample = 0;
    for (int i = 0; i < walked.size(); i++) {
      ChunkPosition position = walked.get(i);
      assertThat(layout.contains(position)).isTrue();
      assertThat(layout.chunksBefore(position)).isEqualTo(i);
      assertThat(layout.samplesInChunk(position)).isEqualTo(sizes.get(i));
      assertThat(layout.firstSampleOf(position)).isEqualTo(firstSample);
      assertThat(layout.positionOfSample(firstSample)).isEqualTo(position);
      firstSample += sizes.get(i);
    }
  }

  @Test
  void chunksBeforePastEndCountsAll() {
    UniformLayout layout = UniformLayout.of(95, 10, 5);

    long beyondLastBlock = layout.chunksBefore(ChunkPosition.of(12, 0));
    long beyondLastChunk = layout.chunksBefore(ChunkPosition.of(9, 7));

    assertThat(beyondLastBlock).isEqualTo(19);
    assertThat(beyondLastChunk).isEqualTo(19);
  }

  @Test
  void outsidePositionsNameTheRange() {
    UniformLayout layout = UniformLayout.of(32777, 10000, 1000);

    assertThat(layout.contains(ChunkPosition.of(3, 3))).isFalse();
    assertThatThrownBy(() -> layout.samplesInChunk(ChunkPosition.of(3, 3)))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("chunk (3, 3) is out of range: block 3 has 3 chunks (0-2)");
    assertThatThrownBy(() -> layout.chunksInBlock(4))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("block 4 is out of range: the dataset has 4 blocks (0-3)");
  }

  @Test
  void sizesBelowOneAreInputErrors() {
    assertThatThrownBy(() -> UniformLayout.of(10, 0, 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "samples per block 0 is out of range: expected an integer >= 1;"
                + " set --samples-per-block to a positive number");
    assertThatThrownBy(() -> UniformLayout.of(10, 5, -1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "dataset chunk size -1 is out of range: expected an integer >= 1;"
                + " set --dataset-chunk-size to a positive number");
  }

  @Test
  void summaryReadsAsOneLine() {
    UniformLayout layout = UniformLayout.of(32777, 10000, 1000);

    String text = layout.blockSummary().toString();

    assertThat(text)
        .isEqualTo(
            "32777 samples in 4 blocks of 10000 samples (10 chunks of 1000 each), 33 chunks in"
                + " all; last block: 2777 samples in 3 chunks");
    assertThat(layout.blockSummary().hasShortLastBlock()).isTrue();
  }
}
