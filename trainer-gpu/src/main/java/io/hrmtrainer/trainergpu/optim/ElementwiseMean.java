package io.hrmtrainer.trainergpu.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Computes the element-wise mean of arrays of one shape, for merging replicas. */
public final class ElementwiseMean {

  private ElementwiseMean() {}

  /**
   * Returns the element-wise mean of {@code arrays} as a flat float array.
   *
   * <p>The sum is kept in double precision and rounded once, so arrays that are already equal
   * give back their values bit for bit.
   *
   * @throws IllegalArgumentException if the list is empty or the arrays differ in size.
   */
  public static float[] of(List<NDArray> arrays) {
    if (arrays.isEmpty()) {
      throw new IllegalArgumentException("no array to average: expected at least one");
    }
    double[] sum = new double[Math.toIntExact(arrays.get(0).size())];
    for (NDArray array : arrays) {
      float[] values = array.toFloatArray();
      if (values.length != sum.length) {
        throw new IllegalArgumentException(
            String.format(
                "cannot average arrays of %d and %d elements: expected equal shapes",
                sum.length, values.length));
      }
      for (int i = 0; i < values.length; i++) {
        sum[i] += values[i];
      }
    }
    float[] mean = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = (float) (sum[i] / arrays.size());
    }
    return mean;
  }
}
