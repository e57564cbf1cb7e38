package io.hrmtrainer.trainergpu.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.model.TinyModels;
import io.hrmtrainer.trainergpu.model.internal.GradientScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdamWTest {

  private static final AdamWSettings SETTINGS = new AdamWSettings(0.9, 0.999, 1e-8, 0.01);

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Test
  void twoUpdatesMatchTheHandComputedValues() {
    Linear linear = Linear.builder().setUnits(1).optBias(false).build();
    linear.setInitializer(Initializer.ZEROS, ai.djl.nn.Parameter.Type.WEIGHT);
    linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    NDArray weight = linear.getParameters().get("weight").getArray();
    weight.set(new float[] {1f, 2f});
    float[] gradient = {3f, -4f};
    NDArray input = manager.create(new float[][] {gradient});

    try (AdamW optimizer = AdamW.newInstance(linear, manager, SETTINGS)) {
      for (int step = 0; step < 2; step++) {
        backward(linear, input);
        try (NDManager scope = manager.newSubManager()) {
          optimizer.update(scope, 0.1);
        }
        GradientScope.zeroGradients(List.of(weight));
      }
    }

    float[] expected = handComputed(new float[] {1f, 2f}, gradient, 0.1f, 2);
    assertThat(weight.toFloatArray()[0]).isCloseTo(expected[0], within(1e-7f));
    assertThat(weight.toFloatArray()[1]).isCloseTo(expected[1], within(1e-7f));
  }

  @Test
  void resumedStateMatchesUninterruptedRun() throws Exception {
    TinyModels.withOneIntraOpThread(() -> {
      saveLoadContinue();
      return null;
    });
  }

  private void saveLoadContinue() throws IOException {
    HrmModel uninterrupted = newModel();
    HrmModel resumed = newModel();
    List<NDArray> batches = List.of(
        TinyModels.randomTokens(manager, 2, 8, 1L), TinyModels.randomTokens(manager, 2, 8, 2L),
        TinyModels.randomTokens(manager, 2, 8, 3L), TinyModels.randomTokens(manager, 2, 8, 4L));
    LearningRateSchedule schedule = new LearningRateSchedule(1e-2, 2, 10, 0.1);

    byte[] savedParameters;
    byte[] savedState;
    try (AdamW optimizer = AdamW.newInstance(uninterrupted, manager, SETTINGS)) {
      TrainingStep step = new TrainingStep(uninterrupted, optimizer, schedule, 1.0);
      step.run(batches.get(0));
      step.run(batches.get(1));
      savedParameters = uninterrupted.parametersToBytes();
      savedState = save(optimizer);
      step.run(batches.get(2));
      step.run(batches.get(3));
    }
    try (AdamW optimizer = AdamW.newInstance(resumed, manager, SETTINGS)) {
      resumed.parametersFromBytes(savedParameters);
      optimizer.load(new DataInputStream(new ByteArrayInputStream(savedState)));
      TrainingStep step = new TrainingStep(resumed, optimizer, schedule, 1.0);
      step.run(batches.get(2));
      StepResult last = step.run(batches.get(3));

      assertThat(last.optimizerStep()).isEqualTo(4);
      assertThat(optimizer.updateCount("tokenEmbedding")).isEqualTo(4);
    }

    // Exact: the same CPU kernels run on the same shapes in the same order on one thread.
    assertThat(resumed.parametersToBytes()).isEqualTo(uninterrupted.parametersToBytes());
  }

  @Test
  void loadingStateOfAnotherModelListsEveryMismatch() throws IOException {
    HrmModel small = newModel();
    HrmModel other = TinyModels.newModel(
        manager, new ModelSpec(16, 2, 2, 1, 2, 2, 2.0), GradientMode.ONE_STEP, 5L);
    byte[] state;
    try (AdamW optimizer = AdamW.newInstance(small, manager, SETTINGS)) {
      state = save(optimizer);
    }

    try (AdamW optimizer = AdamW.newInstance(other, manager, SETTINGS)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> optimizer.load(new DataInputStream(new ByteArrayInputStream(state))));

      assertThat(error.getMessage())
          .startsWith("the parameters do not match the model (6 differences)")
          .contains("  missing: 01hModule_02layer1_01attention_01qkv_weight (48, 16)");
      assertThat(optimizer.stepCount()).isZero();
    }
  }

  @Test
  void loadingAFileWithoutTheTagFailsClearly() {
    try (AdamW optimizer = AdamW.newInstance(newModel(), manager, SETTINGS)) {
      byte[] notState = "model.params, not optimizer state".getBytes();

      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> optimizer.load(new DataInputStream(new ByteArrayInputStream(notState))));

      assertThat(error.getMessage()).startsWith("not an AdamW state").contains("HRMADAMW");
    }
  }

  @Test
  void loadingAnUnknownVersionNamesFoundAndSupported() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("HRMADAMW".getBytes());
    out.writeInt(9);

    try (AdamW optimizer = AdamW.newInstance(newModel(), manager, SETTINGS)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> optimizer.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));

      assertThat(error).hasMessage(
          "AdamW state format version 9 is not supported; this build reads version 1");
    }
  }

  @Test
  void decaysOnlyWeightMatrices() {
    try (AdamW optimizer = AdamW.newInstance(newModel(), manager, SETTINGS)) {
      assertThat(optimizer.isDecayed("tokenEmbedding")).isFalse();
      assertThat(optimizer.isDecayed("01hModule_01layer0_02attentionNorm_gain")).isFalse();
      assertThat(optimizer.isDecayed("03lmHead_weight")).isTrue();
    }
  }

  private HrmModel newModel() {
    return TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 5L);
  }

  private static void backward(Linear linear, NDArray input) {
    try (NDManager scope = input.getManager().newSubManager();
        GradientScope gradients = GradientScope.open(scope)) {
      NDArray x = input.duplicate();
      x.attach(scope);
      NDArray output = linear.forward(new ParameterStore(scope, false), new NDList(x), true).head();
      NDArray loss = output.sum();
      gradients.backward(loss);
    }
  }

  /** AdamW in float32, in the same operation order as the implementation. */
  private static float[] handComputed(float[] start, float[] gradient, float lr, int steps) {
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float[] weight = start.clone();
    float[] first = new float[weight.length];
    float[] second = new float[weight.length];
    for (int t = 1; t <= steps; t++) {
      float correction1 = (float) (1 - Math.pow(0.9, t));
      float correction2 = (float) (1 - Math.pow(0.999, t));
      for (int i = 0; i < weight.length; i++) {
        float g = gradient[i];
        first[i] = first[i] * beta1 + g * (1f - beta1);
        second[i] = second[i] * beta2 + (g * g) * (1f - beta2);
        weight[i] = weight[i] * (1f - lr * 0.01f);
        float denominator = (float) Math.sqrt(second[i] / correction2) + 1e-8f;
        weight[i] = weight[i] - (first[i] / correction1 / denominator) * lr;
      }
    }
    return weight;
  }

  private static byte[] save(AdamW optimizer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      optimizer.save(out);
    }
    return bytes.toByteArray();
  }
}
