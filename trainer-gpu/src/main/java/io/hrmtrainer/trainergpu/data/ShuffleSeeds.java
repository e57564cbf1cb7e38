package io.hrmtrainer.trainergpu.data;

/**
 * Derives the seed that orders the samples of one chunk, so the order depends only on the run
 * seed and the chunk's place, never on which worker trains it.
 *
 * <p>The mixing function is part of the reproducibility contract: changing it changes the data
 * order of every resumed run. It is
 *
 * <pre>{@code
 * h = mix64(runSeed)
 * h = mix64(h ^ epoch)
 * h = mix64(h ^ blockId)
 * h = mix64(h ^ chunkId)
 * }</pre>
 *
 * where {@code mix64} is the SplitMix64 finalizer: add the golden-ratio increment
 * {@code 0x9E3779B97F4A7C15}, then xor-shift-multiply by {@code 0xBF58476D1CE4E5B9} and
 * {@code 0x94D049BB133111EB}. Each step is a bijection of 64-bit values, so distinct
 * positions give distinct seeds for a fixed run seed and predecessor state.
 */
public final class ShuffleSeeds {

  private ShuffleSeeds() {}

  /**
   * Returns the shuffle seed of one chunk in one epoch.
   *
   * @param runSeed The run seed from the training config.
   * @param epoch The 0-based epoch.
   * @param blockId The 0-based block id.
   * @param chunkId The 0-based chunk id inside the block.
   * @return The seed for {@link BatchIterator}.
   */
  public static long forChunk(long runSeed, int epoch, int blockId, int chunkId) {
    long h = mix64(runSeed);
    h = mix64(h ^ epoch);
    h = mix64(h ^ blockId);
    return mix64(h ^ chunkId);
  }

  /**
   * Applies the SplitMix64 step to one value.
   *
   * @param value The value to mix.
   * @return The mixed value.
   */
  static long mix64(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
