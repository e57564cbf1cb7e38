package io.hrmtrainer.trainergpu.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records operations for autograd on the current thread and runs the backward pass.
 *
 * <p>DJL's PyTorch {@code GradientCollector} allows only one collector in the whole process at
 * a time and throws {@code IllegalStateException} for a second one. That would serialise workers
 * that train replicas on different devices in parallel threads. PyTorch's grad mode is
 * thread-local and backward passes over separate graphs are independent. So on the PyTorch engine
 * this scope switches grad mode for the calling thread only and calls backward directly.
 * Other engines fall back to their own {@code GradientCollector}.
 *
 * <p>Use with try-with-resources on the thread that runs the forward pass.
 */
public final class GradientScope implements AutoCloseable {

  private final boolean previousGradMode;
  private final GradientCollector fallback;

  private GradientScope(boolean previousGradMode, GradientCollector fallback) {
    this.previousGradMode = previousGradMode;
    this.fallback = fallback;
  }

  /**
   * Starts recording on the calling thread.
   *
   * @param manager A manager of the engine that runs the forward pass.
   * @return The open scope; close it when the backward pass is done.
   */
  public static GradientScope open(NDManager manager) {
    if (!isPyTorch(manager)) {
      return new GradientScope(false, manager.getEngine().newGradientCollector());
    }
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
    return new GradientScope(previous, null);
  }

  /**
   * Back-propagates a scalar loss into the gradients of every array that requires them; the
   * gradients add to what is already there.
   *
   * @param loss The scalar loss computed inside this scope.
   */
  public void backward(NDArray loss) {
    if (fallback != null) {
      fallback.backward(loss);
      return;
    }
    try (NDArray seed = loss.onesLike()) {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }
  }

  @Override
  public void close() {
    if (fallback != null) {
      fallback.close();
    } else {
      JniUtils.setGradMode(previousGradMode);
    }
  }

  /**
   * Sets the gradients of the given arrays to exactly zero, also where they contain NaN or
   * infinity; arrays without a gradient yet are skipped.
   *
   * @param arrays Arrays that require gradients, e.g. a model's parameters.
   */
  public static void zeroGradients(Iterable<NDArray> arrays) {
    for (NDArray array : arrays) {
      if (array instanceof PtNDArray) {
        JniUtils.zeroGrad((PtNDArray) array);
      } else if (array.hasGradient()) {
        try (NDArray gradient = array.getGradient()) {
          gradient.muli(0);
        }
      }
    }
  }

  static boolean isPyTorch(NDManager manager) {
    return "PyTorch".equals(manager.getEngine().getEngineName());
  }
}
