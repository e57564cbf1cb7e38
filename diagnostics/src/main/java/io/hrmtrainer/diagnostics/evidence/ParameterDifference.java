package io.hrmtrainer.diagnostics.evidence;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import java.util.Arrays;
import java.util.List;

/**
 * How far apart two checkpoints' parameters ({@code model.params}) are.
 *
 * @param bitIdentical Whether the two files are byte for byte equal.
 * @param maxAbsDifference The maximum absolute difference between corresponding values, 0 when
 *     bit-identical.
 * @param valueCount The number of parameter values compared.
 */
public record ParameterDifference(boolean bitIdentical, double maxAbsDifference, long valueCount) {

  /**
   * Compares two serialised parameter sets of models with {@code spec}.
   *
   * @throws IllegalArgumentException if either set does not contain a model of {@code spec}.
   */
  public static ParameterDifference between(byte[] first, byte[] second, ModelSpec spec) {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      List<NDArray> a = load(manager, spec, first);
      List<NDArray> b = load(manager, spec, second);
      double max = 0;
      long count = 0;
      for (int i = 0; i < a.size(); i++) {
        float[] x = a.get(i).toFloatArray();
        float[] y = b.get(i).toFloatArray();
        for (int j = 0; j < x.length; j++) {
          max = Math.max(max, Math.abs((double) x[j] - y[j]));
        }
        count += x.length;
      }
      return new ParameterDifference(Arrays.equals(first, second), max, count);
    }
  }

  /** Describes the difference, for example {@code bit-identical (20544 values)}. */
  public String describe() {
    if (bitIdentical) {
      return String.format("bit-identical (%d values)", valueCount);
    }
    return String.format("max |difference| %.3g over %d values", maxAbsDifference, valueCount);
  }

  private static List<NDArray> load(NDManager manager, ModelSpec spec, byte[] bytes) {
    HrmModel model = new HrmModel(spec, ByteTokenizer.VOCAB_SIZE, GradientMode.ONE_STEP);
    model.initializeSeeded(manager, 0);
    model.parametersFromBytes(bytes);
    return model.parameterArrays();
  }
}
