package io.hrmtrainer.trainergpu.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/** Clips gradients by their global L2 norm, the norm of all of them taken as one vector. */
public final class GradientClipping {

  private static final double TINY = 1e-6;

  private GradientClipping() {}

  /**
   * Scales every gradient in place by {@code maxNorm / (norm + 1e-6)} when the global norm
   * exceeds {@code maxNorm}, and returns the norm measured before clipping.
   *
   * @param gradients The gradient arrays; temporaries land in the manager of the first one.
   * @param maxNorm The largest allowed global norm, {@code > 0}; infinity turns clipping off.
   * @return The global L2 norm before clipping (NaN or infinity if a gradient contains one).
   * @throws IllegalArgumentException if {@code maxNorm} is not positive.
   */
  public static float clipByGlobalNorm(List<NDArray> gradients, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException(String.format(
          "grad_clip_norm is %s but must be > 0; 1.0 is usual", maxNorm));
    }
    if (gradients.isEmpty()) {
      return 0f;
    }

    NDList squares = new NDList();
    for (NDArray gradient : gradients) {
      squares.add(gradient.square().sum());
    }
    float norm = NDArrays.stack(squares).sum().sqrt().getFloat();
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + TINY));
      for (NDArray gradient : gradients) {
        gradient.muli(scale);
      }
    }
    return norm;
  }
}
