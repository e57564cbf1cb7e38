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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    List<Float> sequential = TinyModels.withOneIntraOpThread(() -> train(batches));

    // PyTorch keeps the intra-op thread count per thread, so each worker pins its own.
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Callable<List<Float>> replica = () -> TinyModels.withOneIntraOpThread(() -> train(batches));
      Future<List<Float>> first = workers.submit(replica);
      Future<List<Float>> second = workers.submit(replica);

      assertThat(first.get()).containsExactlyElementsOf(sequential);
      assertThat(second.get()).containsExactlyElementsOf(sequential);
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void garbageCollectionChangesNoLoss() throws Exception {
    List<NDArray> batches = batches(3);
    List<Float> quiet = TinyModels.withOneIntraOpThread(() -> train(batches));

    List<List<Float>> collected = new ArrayList<>();
    Thread collector = startCollectingGarbage();
    try {
      for (int i = 0; i < 3; i++) {
        collected.add(TinyModels.withOneIntraOpThread(() -> train(batches)));
      }
    } finally {
      collector.interrupt();
      collector.join();
    }

    // DJL lets the JVM free the buffer of a number soon after an operation uses it, so a
    // constant that the backward pass reads must not come from such a buffer.
    assertThat(collected).allSatisfy(losses -> assertThat(losses).isEqualTo(quiet));
  }

  /** Starts a thread that runs the garbage collector every few milliseconds until interrupted. */
  private static Thread startCollectingGarbage() {
    Thread collector = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        System.gc();
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "garbage-collector-storm");
    collector.setDaemon(true);
    collector.start();
    return collector;
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
