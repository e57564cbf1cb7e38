package io.hrmtrainer.trainergpu.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.model.LanguageModelLoss;
import io.hrmtrainer.trainergpu.model.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingStepTest {

  private static final LearningRateSchedule SCHEDULE = new LearningRateSchedule(1e-2, 2, 10, 0.1);

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
  void sameSeedGivesIdenticalLossesAndParameters() throws Exception {
    List<NDArray> batches = batches(4);

    List<Float> first = TinyModels.withOneIntraOpThread(() -> train(batches));
    List<Float> second = TinyModels.withOneIntraOpThread(() -> train(batches));

    assertThat(second).containsExactlyElementsOf(first);
  }

  @Test
  void followsScheduleAtGlobalStep() {
    HrmModel model = newModel(manager);
    try (AdamW optimizer = AdamW.newInstance(model, manager, AdamWSettings.defaults())) {
      TrainingStep step = new TrainingStep(model, optimizer, SCHEDULE, 1.0);

      StepResult firstStep = step.run(batches(1).get(0));
      StepResult secondStep = step.run(batches(1).get(0));

      assertThat(firstStep.learningRate()).isEqualTo(SCHEDULE.learningRate(0));
      assertThat(secondStep.learningRate()).isEqualTo(SCHEDULE.learningRate(1));
      assertThat(secondStep.optimizerStep()).isEqualTo(2);
      assertThat(firstStep.gradNorm()).isPositive();
    }
  }

  @Test
  void stepsLeaveNoArraysInTheModelManager() {
    NDManager parameters = manager.newSubManager();
    HrmModel model = newModel(parameters);
    try (AdamW optimizer = AdamW.newInstance(model, parameters, AdamWSettings.defaults())) {
      TrainingStep step = new TrainingStep(model, optimizer, SCHEDULE, 1.0);
      step.run(batches(1).get(0));
      int afterFirstStep = parameters.getManagedArrays().size();

      for (int i = 0; i < 3; i++) {
        step.run(batches(1).get(0));
      }

      assertThat(parameters.getManagedArrays()).hasSize(afterFirstStep);
    }
  }

  @Test
  void parallelReplicasMatchSequential() throws Exception {
    List<NDArray> batches = batches(3);

    List<List<Float>> results = TinyModels.withOneIntraOpThread(() -> {
      List<Float> sequential = train(batches);
      CompletableFuture<List<Float>> first = CompletableFuture.supplyAsync(() -> train(batches));
      CompletableFuture<List<Float>> second = CompletableFuture.supplyAsync(() -> train(batches));
      return List.of(sequential, first.join(), second.join());
    });

    assertThat(results.get(1)).containsExactlyElementsOf(results.get(0));
    assertThat(results.get(2)).containsExactlyElementsOf(results.get(0));
  }

  private List<Float> train(List<NDArray> batches) {
    List<Float> losses = new ArrayList<>();
    try (NDManager replica = manager.newSubManager()) {
      HrmModel model = newModel(replica);
      try (AdamW optimizer = AdamW.newInstance(model, replica, AdamWSettings.defaults())) {
        TrainingStep step = new TrainingStep(model, optimizer, SCHEDULE, 1.0);
        for (NDArray batch : batches) {
          losses.add(step.run(batch).loss());
        }
        losses.add(LanguageModelLoss.nextToken(model.logits(batches.get(0)), batches.get(0))
            .getFloat());
      }
    }
    return losses;
  }

  private List<NDArray> batches(int count) {
    List<NDArray> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batches.add(TinyModels.randomTokens(manager, 2, 8, 100L + i));
    }
    return batches;
  }

  private static HrmModel newModel(NDManager owner) {
    return TinyModels.newModel(owner, TinyModels.UNIT, GradientMode.ONE_STEP, 11L);
  }
}
