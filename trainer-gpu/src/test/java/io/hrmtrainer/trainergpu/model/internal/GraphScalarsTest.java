package io.hrmtrainer.trainergpu.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphScalarsTest {

  @Test
  void multipliesByTheFactor() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray array = manager.create(new float[] {1f, -2f, 0.5f});

      NDArray product = GraphScalars.multiply(array, 3f);

      assertThat(product.toFloatArray()).containsExactly(3f, -6f, 1.5f);
    }
  }

  @Test
  void gradientSurvivesGarbageCollection() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      // given a product recorded for autograd
      NDArray weights = manager.create(new float[] {1f, 2f, 3f, 4f});
      weights.setRequiresGradient(true);
      try (GradientScope scope = GradientScope.open(manager)) {
        NDArray loss = GraphScalars.multiply(weights, 3f).sum();

        // when the JVM frees unreachable buffers and reuses their memory before backward
        List<ByteBuffer> reused = collectGarbageAndFillFreedMemory();
        scope.backward(loss);

        // then the gradient is still d(sum(3w))/dw
        assertThat(weights.getGradient().toFloatArray()).containsExactly(3f, 3f, 3f, 3f);
        assertThat(reused).isNotEmpty();
      }
    }
  }

  /**
   * Runs the collector, then allocates many small native buffers full of NaN, so memory that
   * was freed under a live tensor now contains NaN (DJL's scalar buffers are this small).
   */
  private static List<ByteBuffer> collectGarbageAndFillFreedMemory() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
      buffer.putFloat(0, Float.NaN);
      buffers.add(buffer);
    }
    return buffers;
  }
}
