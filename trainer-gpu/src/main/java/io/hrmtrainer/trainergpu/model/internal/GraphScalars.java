package io.hrmtrainer.trainergpu.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Constant factors for arrays that autograd records.
 *
 * <p>On the PyTorch engine, DJL's {@code NDArray.mul(Number)} wraps the number in a tensor that
 * borrows the memory of a direct Java buffer, then closes that tensor as soon as the result
 * exists. The same applies to {@code div}, {@code pow}, {@code maximum} and {@code minimum} with a
 * number. Autograd keeps the tensor for the backward pass. When a garbage collection between
 * forward and backward frees the buffer, the backward pass reads freed memory. The gradients then
 * come out wrong or non-finite, more often under load or with parallel workers. This class
 * builds the constant with {@code NDManager.full}, whose memory PyTorch owns and keeps while the
 * graph needs it. Adding or subtracting a number is safe because that backward pass does not
 * read it.
 */
public final class GraphScalars {

  private GraphScalars() {}

  /**
   * Returns {@code array * factor}; safe inside a {@link GradientScope}.
   *
   * @param array The array, e.g. an activation that requires gradients.
   * @param factor The constant factor.
   * @return A new array in the manager of {@code array}, with the same data type.
   */
  public static NDArray multiply(NDArray array, float factor) {
    try (NDArray scalar = array.getManager().full(new Shape(), factor, array.getDataType())) {
      return array.mul(scalar);
    }
  }
}
