package io.hrmtrainer.core.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetLayout;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartPositionTest {

  /** A layout given by the chunk count of each block; sample counts are not needed here. */
  private static final class ChunkCountLayout implements DatasetLayout {

    private final List<Integer> chunksPerBlock;

    ChunkCountLayout(Integer... chunksPerBlock) {
      this.chunksPerBlock = List.of(chunksPerBlock);
    }

    @Override
    public long sampleCount() {
      return totalChunks();
    }

    @Override
    public int samplesPerBlock() {
      return 100;
    }

    @Override
    public int chunkSize() {
      return 1;
    }

    @Override
    public int totalBlocks() {
      return chunksPerBlock.size();
    }

    @Override
    public int chunksInBlock(int blockId) {
      return chunksPerBlock.get(blockId);
    }

    @Override
    public int samplesInChunk(ChunkPosition position) {
      return 1;
    }
  }

  @Nested
  class Creation {

    @Test
    void ofKeepsIds() {
      StartPosition start = StartPosition.of(3, 12);

      assertThat(start.blockId()).isEqualTo(3);
      assertThat(start.chunkId()).isEqualTo(12);
      assertThat(start.toChunkPosition()).isEqualTo(ChunkPosition.of(3, 12));
    }

    @Test
    void negativeBlockIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.of(-1, 0));

      assertThat(error).hasMessage("start block -1 is invalid: expected a whole number >= 0");
    }

    @Test
    void negativeChunkIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.of(0, -5));

      assertThat(error).hasMessage("start chunk -5 is invalid: expected a whole number >= 0");
    }

    @Test
    void blockAboveIntIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.of(99_999_999_999L, 0));

      assertThat(error)
          .hasMessage("start block 99999999999 is too large: expected at most 2147483647");
    }

    @Test
    void chunkAboveIntIsRejected() {
      InvalidInputException error =
          assertThrows(
              InvalidInputException.class, () -> StartPosition.of(0, Integer.MAX_VALUE + 1L));

      assertThat(error)
          .hasMessage("start chunk 2147483648 is too large: expected at most 2147483647");
    }

    @Test
    void maxIntIsAccepted() {
      StartPosition start = StartPosition.of(Integer.MAX_VALUE, Integer.MAX_VALUE);

      assertThat(start.blockId()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void constructorRejectsNegativeIds() {
      assertThrows(InvalidInputException.class, () -> new StartPosition(0, -1));
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest(name = "\"{0}\", \"{1}\"")
    @CsvSource({"0, 0, 0, 0", "'7', '12', 7, 12", "' 3 ', 0004, 3, 4", "+2, 1, 2, 1"})
    void parseAcceptsWholeNumbers(
        String blockText, String chunkText, int expectedBlock, int expectedChunk) {

      StartPosition start = StartPosition.parse(blockText, chunkText);

      assertThat(start).isEqualTo(new StartPosition(expectedBlock, expectedChunk));
    }

    @Test
    void letterChunkIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.parse("0", "abc"));

      assertThat(error)
          .hasMessage(
              "start chunk 'abc' is not a whole number: expected digits only, such as 0 or 12");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"1.5", "''", "1e3", "0x10", "--1", "12abc"})
    void nonWholeBlockIsRejected(String blockText) {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.parse(blockText, "0"));

      assertThat(error).hasMessageStartingWith("start block '" + blockText + "' is not a whole");
    }

    @Test
    void negativeTextIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> StartPosition.parse("-3", "0"));

      assertThat(error).hasMessage("start block -3 is invalid: expected a whole number >= 0");
    }

    @Test
    void hugeTextIsRejected() {
      InvalidInputException error =
          assertThrows(
              InvalidInputException.class,
              () -> StartPosition.parse("0", "123456789012345678901234567890"));

      assertThat(error)
          .hasMessage(
              "start chunk 123456789012345678901234567890 is too large: expected at most"
                  + " 2147483647");
    }
  }

  @Nested
  class OverrideAndBound {

    @Test
    void originIsNotOverride() {
      assertThat(StartPosition.of(0, 0).isOverride()).isFalse();
      assertThat(StartPosition.FIRST_CHUNK.isOverride()).isFalse();
    }

    @Test
    void anyOtherPositionIsOverride() {
      assertThat(StartPosition.of(0, 1).isOverride()).isTrue();
      assertThat(StartPosition.of(1, 0).isOverride()).isTrue();
    }

    @Test
    void permitsChunksAtOrAfterStart() {
      StartPosition start = StartPosition.of(2, 3);

      assertThat(start.permits(ChunkPosition.of(2, 3))).isTrue();
      assertThat(start.permits(ChunkPosition.of(2, 4))).isTrue();
      assertThat(start.permits(ChunkPosition.of(3, 0))).isTrue();
      assertThat(start.permits(ChunkPosition.of(2, 2))).isFalse();
      assertThat(start.permits(ChunkPosition.of(1, 9))).isFalse();
    }

    @Test
    void toStringMatchesChunkPosition() {
      assertThat(StartPosition.of(3, 7)).hasToString("(3, 7)");
    }
  }

  @Nested
  class AgainstLayout {

    private final DatasetLayout fourBlocks = new ChunkCountLayout(25, 25, 25, 5);

    @Test
    void lastChunkOfLastBlockIsValid() {
      StartPosition.of(3, 4).validateAgainst(fourBlocks);
    }

    @Test
    void firstChunkIsValid() {
      StartPosition.FIRST_CHUNK.validateAgainst(fourBlocks);
    }

    @Test
    void blockBeyondDatasetIsRejected() {
      StartPosition start = StartPosition.of(7, 0);

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> start.validateAgainst(fourBlocks));

      assertThat(error).hasMessage("start block 7 is out of range: the dataset has 4 blocks (0-3)");
    }

    @Test
    void blockEqualToCountIsRejected() {
      StartPosition start = StartPosition.of(4, 0);

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> start.validateAgainst(fourBlocks));

      assertThat(error).hasMessage("start block 4 is out of range: the dataset has 4 blocks (0-3)");
    }

    @Test
    void chunkBeyondShortLastBlockIsRejected() {
      StartPosition start = StartPosition.of(3, 12);

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> start.validateAgainst(fourBlocks));

      assertThat(error).hasMessage("start chunk 12 is out of range: block 3 has 5 chunks (0-4)");
    }

    @Test
    void singleBlockUsesSingularNoun() {
      StartPosition start = StartPosition.of(0, 1);

      InvalidInputException error =
          assertThrows(
              InvalidInputException.class, () -> start.validateAgainst(new ChunkCountLayout(1)));

      assertThat(error).hasMessage("start chunk 1 is out of range: block 0 has 1 chunk (0-0)");
    }

    @Test
    void emptyDatasetIsRejectedEvenAtOrigin() {
      InvalidInputException error =
          assertThrows(
              InvalidInputException.class,
              () -> StartPosition.FIRST_CHUNK.validateAgainst(new ChunkCountLayout()));

      assertThat(error)
          .hasMessage(
              "start position (0, 0) is out of range: the dataset is empty (0 samples, so no"
                  + " blocks). Check that the dataset file has non-blank lines and, for JSONL,"
                  + " that the text fields exist.");
    }
  }
}
