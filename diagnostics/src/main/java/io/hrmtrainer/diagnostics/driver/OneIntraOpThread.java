package io.hrmtrainer.diagnostics.driver;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs PyTorch with one intra-op thread until closed, then restores the previous count.
 *
 * <p>With several threads PyTorch may split a reduction differently from one call to the next, so
 * the last bits of a sum change between two otherwise identical runs; with one they repeat bit
 * for bit. The setting is process-wide. Use with try-with-resources; nesting is fine.
 */
public final class OneIntraOpThread implements AutoCloseable {

  private final int previous;

  private OneIntraOpThread(int previous) {
    this.previous = previous;
  }

  /** Loads the PyTorch engine if needed and pins it to one intra-op thread. */
  public static OneIntraOpThread pin() {
    // The native calls below exist only once the engine has loaded its library.
    Engine.getEngine("PyTorch");
    int previous = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    return new OneIntraOpThread(previous);
  }

  /** Restores the thread count found by {@link #pin()}. */
  @Override
  public void close() {
    JniUtils.setNumThreads(previous);
  }
}
