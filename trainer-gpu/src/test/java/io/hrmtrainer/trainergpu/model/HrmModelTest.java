package io.hrmtrainer.trainergpu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HrmModelTest {

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
  void logitsHaveBatchSeqVocabShape() {
    HrmModel model = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 1L);

    NDArray logits = model.logits(TinyModels.randomTokens(manager, 3, 10, 5L));

    assertThat(logits.getShape()).isEqualTo(new Shape(3, 10, ByteTokenizer.VOCAB_SIZE));
  }

  @ParameterizedTest
  @EnumSource(GradientMode.class)
  void changingALaterTokenLeavesEarlierLogitsUnchanged(GradientMode mode) {
    HrmModel model = TinyModels.newModel(manager, TinyModels.UNIT, mode, 1L);
    NDArray tokens = TinyModels.randomTokens(manager, 1, 12, 5L);
    NDArray changed = tokens.duplicate();
    changed.set(new ai.djl.ndarray.index.NDIndex(0, 7), 99);

    float[] before = model.logits(tokens).get(":, 0:7").toFloatArray();
    float[] after = model.logits(changed).get(":, 0:7").toFloatArray();
    float[] atChange = model.logits(changed).get(":, 7").toFloatArray();

    assertThat(after).containsExactly(before);
    assertThat(atChange).isNotEqualTo(model.logits(tokens).get(":, 7").toFloatArray());
  }

  @Test
  void sameSeedGivesBitIdenticalParameters() {
    HrmModel first = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);
    HrmModel second = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);

    assertThat(flatten(second.parameterArrays())).containsExactly(flatten(first.parameterArrays()));
  }

  @Test
  void differentSeedsGiveDifferentParameters() {
    HrmModel first = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);
    HrmModel second = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 8L);

    assertThat(flatten(second.parameterArrays())).isNotEqualTo(flatten(first.parameterArrays()));
  }

  @Test
  void parametersRequireGradientsAfterInitialization() {
    HrmModel model = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);

    assertThat(model.parameterArrays()).allMatch(NDArray::hasGradient);
  }

  @Test
  void savedAndLoadedParametersGiveIdenticalLogits() throws Exception {
    HrmModel source = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);
    HrmModel target = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 8L);
    NDArray tokens = TinyModels.randomTokens(manager, 2, 9, 3L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    source.saveParameters(new DataOutputStream(bytes));

    target.loadParameters(
        manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(target.logits(tokens).toFloatArray())
        .containsExactly(source.logits(tokens).toFloatArray());
    assertThat(target.parameterArrays()).allMatch(NDArray::hasGradient);
  }

  @Test
  void parameterBytesRoundTrip() {
    HrmModel source = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);
    HrmModel target = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 8L);

    target.parametersFromBytes(source.parametersToBytes());

    assertThat(flatten(target.parameterArrays())).containsExactly(flatten(source.parameterArrays()));
  }

  @Test
  void copyParametersFromMakesAnIdenticalReplica() {
    HrmModel source = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 7L);
    HrmModel replica = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 9L);
    NDArray tokens = TinyModels.randomTokens(manager, 2, 9, 3L);

    replica.copyParametersFrom(source);

    assertThat(replica.logits(tokens).toFloatArray())
        .containsExactly(source.logits(tokens).toFloatArray());
  }

  @Test
  void loadingAnotherSpecFailsAndNamesTheMismatch() {
    ModelSpec wider = new ModelSpec(32, 2, 1, 1, 2, 2, 2.0);
    HrmModel source = TinyModels.newModel(manager, wider, GradientMode.ONE_STEP, 7L);
    HrmModel target = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 8L);

    IllegalArgumentException error = assertThrows(
        IllegalArgumentException.class, () -> target.copyParametersFrom(source));

    assertThat(error.getMessage())
        .contains("the parameters do not match the model")
        .contains("shape of tokenEmbedding: expected (258, 16), found (258, 32)");
  }

  @Test
  void logitsLeaveNoArraysInTheParameterManager() {
    NDManager parameters = manager.newSubManager();
    HrmModel model = TinyModels.newModel(parameters, TinyModels.UNIT, GradientMode.ONE_STEP, 1L);
    int before = parameters.getManagedArrays().size();

    try (NDManager call = manager.newSubManager()) {
      model.logits(TinyModels.randomTokens(call, 2, 8, 5L));
    }

    assertThat(parameters.getManagedArrays()).hasSize(before);
  }

  static float[] flatten(List<NDArray> arrays) {
    float[] all = new float[0];
    for (NDArray array : arrays) {
      float[] values = array.toFloatArray();
      int offset = all.length;
      all = Arrays.copyOf(all, offset + values.length);
      System.arraycopy(values, 0, all, offset, values.length);
    }
    return all;
  }
}
