package io.hrmtrainer.trainergpu.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

  @Test
  void clipsToLimitReturnsPreClipNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray first = manager.create(new float[] {3f});
      NDArray second = manager.create(new float[] {0f, 4f});

      float norm = GradientClipping.clipByGlobalNorm(List.of(first, second), 1.0);

      assertThat(norm).isCloseTo(5f, within(1e-6f));
      assertThat(first.getFloat(0)).isCloseTo(0.6f, within(1e-6f));
      assertThat(second.getFloat(1)).isCloseTo(0.8f, within(1e-6f));
    }
  }

  @Test
  void leavesGradientsBelowTheLimitUnchanged() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray gradient = manager.create(new float[] {0.3f, 0.4f});

      float norm = GradientClipping.clipByGlobalNorm(List.of(gradient), 1.0);

      assertThat(norm).isCloseTo(0.5f, within(1e-6f));
      assertThat(gradient.toFloatArray()).containsExactly(0.3f, 0.4f);
    }
  }
}
