package io.hrmtrainer.diagnostics.driver;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;

/**
 * Runs work with PyTorch pinned to one intra-op thread, then restores the previous count.
 *
 * <p>With several threads PyTorch may split a reduction differently from one call to the next, so
 * the last bits of a sum change between two otherwise identical runs. With one thread they repeat
 * bit for bit. The setting is process-wide, and nesting is fine.
 */
public final class OneIntraOpThread {

  /**
   * Work that may fail with an {@link IOException}.
   *
   * @param <T> The result type.
   */
  @FunctionalInterface
  public interface Work<T> {

    /**
     * Runs the work.
     *
     * @return Its result.
     * @throws IOException if the work fails to read or write.
     */
    T run() throws IOException;
  }

  private OneIntraOpThread() {}

  /**
   * Loads the PyTorch engine if needed, pins it to one intra-op thread, runs {@code work}, and
   * restores the previous thread count.
   *
   * @return What {@code work} returns.
   * @throws IOException what {@code work} throws.
   */
  public static <T> T call(Work<T> work) throws IOException {
    // The native calls below exist only once the engine has loaded its library.
    Engine.getEngine("PyTorch");
    int previous = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    try {
      return work.run();
    } finally {
      JniUtils.setNumThreads(previous);
    }
  }
}
