package io.hrmtrainer.core.position;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetLayout;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The user's start position: the lower bound {@code L = (blockId, chunkId)} of every chunk claim
 * in a run. No chunk before {@code L} is claimed, in any epoch or worker. The default is (0, 0),
 * the first chunk of the dataset.
 *
 * <p>Use {@link #of(long, long)} or {@link #parse(String, String)} for ids that come from users:
 * both reject negative, non-numeric and too large ids with a message that names the id. Whether
 * the position exists in a dataset is checked separately with {@link
 * #validateAgainst(DatasetLayout)}, once the dataset's layout is known. Instances are immutable.
 *
 * @param blockId The 0-based block id, never negative.
 * @param chunkId The 0-based chunk id inside the block, never negative.
 */
public record StartPosition(int blockId, int chunkId) {

  /** The default start position (0, 0): train from the first chunk of the dataset. */
  public static final StartPosition FIRST_CHUNK = new StartPosition(0, 0);

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  /**
   * Creates a start position.
   *
   * @throws InvalidInputException if either id is negative.
   */
  public StartPosition {
    checkRange("block", blockId);
    checkRange("chunk", chunkId);
  }

  /**
   * Returns the start position with the given ids, accepting any {@code long} so that values from
   * wide parsers get a message of ours.
   *
   * @throws InvalidInputException if an id is negative ("start block -1 is invalid: ...") or
   *     larger than {@link Integer#MAX_VALUE} ("start chunk 3000000000 is too large: ...").
   */
  public static StartPosition of(long blockId, long chunkId) {
    return new StartPosition(checkRange("block", blockId), checkRange("chunk", chunkId));
  }

  /**
   * Returns the start position written as decimal text, as typed on a command line or in a form.
   * Surrounding blanks are ignored.
   *
   * @throws InvalidInputException if a text is not a whole number ("start chunk 'abc' is not a
   *     whole number: ..."), is negative or is larger than {@link Integer#MAX_VALUE}.
   */
  public static StartPosition parse(String blockText, String chunkText) {
    return new StartPosition(parseId("block", blockText), parseId("chunk", chunkText));
  }

  /** Returns this start position as the chunk position it names. */
  public ChunkPosition toChunkPosition() {
    return new ChunkPosition(blockId, chunkId);
  }

  /** Returns whether this position differs from the default (0, 0). */
  public boolean isOverride() {
    return !equals(FIRST_CHUNK);
  }

  /** Returns whether {@code position} is at or after this lower bound, so it may be claimed. */
  public boolean permits(ChunkPosition position) {
    return !position.isBefore(toChunkPosition());
  }

  /**
   * Checks that this position names a chunk of {@code layout}.
   *
   * @throws InvalidInputException if the dataset is empty, if the block id is not below {@code
   *     layout.totalBlocks()} ("start block 7 is out of range: the dataset has 4 blocks (0-3)"),
   *     or if the chunk id is not below the chunk count of that block ("start chunk 12 is out of
   *     range: block 3 has 5 chunks (0-4)").
   */
  public void validateAgainst(DatasetLayout layout) {
    int blocks = layout.totalBlocks();
    if (blocks == 0) {
      throw new InvalidInputException(
          String.format(
              "start position %s is out of range: the dataset is empty (0 samples, so no blocks)."
                  + " Check that the dataset file has non-blank lines and, for JSONL, that the"
                  + " text fields exist.",
              this));
    }
    if (blockId >= blocks) {
      throw new InvalidInputException(
          String.format(
              "start block %d is out of range: the dataset has %s (0-%d)",
              blockId, count(blocks, "block"), blocks - 1));
    }

    int chunks = layout.chunksInBlock(blockId);
    if (chunkId >= chunks) {
      throw new InvalidInputException(
          String.format(
              "start chunk %d is out of range: block %d has %s (0-%d)",
              chunkId, blockId, count(chunks, "chunk"), chunks - 1));
    }
  }

  /** Formats the position as {@code (block, chunk)}, like {@link ChunkPosition#toString()}. */
  @Override
  public String toString() {
    return "(" + blockId + ", " + chunkId + ")";
  }

  private static int checkRange(String idName, long id) {
    if (id < 0) {
      throw new InvalidInputException(
          String.format("start %s %d is invalid: expected a whole number >= 0", idName, id));
    }
    if (id > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          String.format(
              "start %s %d is too large: expected at most %d", idName, id, Integer.MAX_VALUE));
    }
    return (int) id;
  }

  private static int parseId(String idName, String text) {
    String trimmed = text.trim();
    if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
      throw new InvalidInputException(
          String.format(
              "start %s '%s' is not a whole number: expected digits only, such as 0 or 12",
              idName, text));
    }

    BigInteger value = new BigInteger(trimmed);
    if (value.signum() < 0) {
      throw new InvalidInputException(
          String.format("start %s %s is invalid: expected a whole number >= 0", idName, value));
    }
    if (value.bitLength() > 31) {
      throw new InvalidInputException(
          String.format(
              "start %s %s is too large: expected at most %d", idName, value, Integer.MAX_VALUE));
    }
    return value.intValueExact();
  }

  private static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
