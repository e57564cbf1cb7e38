package io.hrmtrainer.core.position;

/**
 * A chunk's place in a dataset: the block id and the chunk id inside that block, both 0-based.
 *
 * <p>Positions are ordered lexicographically, block first, which is the order in which chunks are
 * claimed. Instances are immutable and safe to share between threads.
 *
 * @param blockId The 0-based block id, never negative.
 * @param chunkId The 0-based chunk id inside the block, never negative.
 */
public record ChunkPosition(int blockId, int chunkId) implements Comparable<ChunkPosition> {

  /** The first position of every dataset, (0, 0). */
  public static final ChunkPosition ORIGIN = new ChunkPosition(0, 0);

  /**
   * Creates a position.
   *
   * @throws IllegalArgumentException if either id is negative; callers that take ids from users
   *     validate them first with {@link StartPosition#of(long, long)}.
   */
  public ChunkPosition {
    if (blockId < 0 || chunkId < 0) {
      throw new IllegalArgumentException(
          String.format(
              "invalid chunk position (%d, %d): block and chunk ids must be >= 0",
              blockId, chunkId));
    }
  }

  /** Returns a position with the given ids. */
  public static ChunkPosition of(int blockId, int chunkId) {
    return new ChunkPosition(blockId, chunkId);
  }

  /** Returns whether this position comes before {@code other} in claim order. */
  public boolean isBefore(ChunkPosition other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(ChunkPosition other) {
    int byBlock = Integer.compare(blockId, other.blockId);
    return byBlock != 0 ? byBlock : Integer.compare(chunkId, other.chunkId);
  }

  /** Formats the position as {@code (block, chunk)}, the form used in messages and logs. */
  @Override
  public String toString() {
    return "(" + blockId + ", " + chunkId + ")";
  }
}
