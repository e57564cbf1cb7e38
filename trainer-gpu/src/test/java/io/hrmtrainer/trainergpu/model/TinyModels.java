package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import java.util.Random;

/** Small models and random batches shared by the model and optimizer tests. */
public final class TinyModels {

  /** A spec small enough for unit tests: hidden 16, 2 heads, 1+1 layers, 2+2 cycles. */
  public static final ModelSpec UNIT = new ModelSpec(16, 2, 1, 1, 2, 2, 2.0);

  /** The tiny preset of the brief: hidden 64, 4 heads, 1+1 layers, 2+2 cycles, expansion 2. */
  public static final ModelSpec TINY = new ModelSpec(64, 4, 1, 1, 2, 2, 2.0);

  /** The 256-wide preset: hidden 256, 4 heads, 2+2 layers, 2+2 cycles, expansion 4. */
  public static final ModelSpec WIDE = new ModelSpec(256, 4, 2, 2, 2, 2, 4.0);

  private TinyModels() {}

  /** Work that may throw, run by {@link #withOneIntraOpThread}. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs the work.
     *
     * @return Its result.
     * @throws Exception on failure.
     */
    T run() throws Exception;
  }

  /**
   * Runs work with one PyTorch intra-op thread on the calling thread, then restores the
   * previous count.
   *
   * <p>PyTorch keeps the count per thread once a thread has run an operator. Threads that run
   * their first operator later take the last count set anywhere. So a test that trains on worker
   * threads calls this on each of them.
   *
   * <p>Bit-exact comparisons need it. With several threads, PyTorch may split a reduction
   * differently from one call to the next (seen here under machine load), so the last bits
   * change. Adam's division by the root of tiny second moments then amplifies them.
   *
   * @param work The work.
   * @param <T> The result type.
   * @return The work's result.
   * @throws Exception what the work throws.
   */
  public static <T> T withOneIntraOpThread(Work<T> work) throws Exception {
    int threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    try {
      return work.run();
    } finally {
      JniUtils.setNumThreads(threads);
    }
  }

  /**
   * Creates and initialises a model in {@code manager}.
   *
   * @param manager Owns the parameters.
   * @param spec The size.
   * @param mode The gradient mode.
   * @param seed The initialisation seed.
   * @return The model.
   */
  public static HrmModel newModel(NDManager manager, ModelSpec spec, GradientMode mode, long seed) {
    HrmModel model = new HrmModel(spec, ByteTokenizer.VOCAB_SIZE, mode);
    model.initializeSeeded(manager, seed);
    return model;
  }

  /**
   * Creates a {@code [batch, seq]} array of random byte tokens.
   *
   * @param manager Owns the array.
   * @param batch Rows.
   * @param seq Tokens per row.
   * @param seed The random seed.
   * @return The int64 array.
   */
  public static NDArray randomTokens(NDManager manager, int batch, int seq, long seed) {
    Random random = new Random(seed);
    long[] ids = new long[batch * seq];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(256);
    }
    return manager.create(ids, new Shape(batch, seq));
  }
}
