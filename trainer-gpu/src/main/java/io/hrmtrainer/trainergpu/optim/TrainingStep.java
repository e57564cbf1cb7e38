package io.hrmtrainer.trainergpu.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.hrmtrainer.trainergpu.data.TokenBatch;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.model.LanguageModelLoss;
import io.hrmtrainer.trainergpu.model.internal.GradientScope;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one optimizer step on one batch: forward, loss, backward, gradient clipping, AdamW.
 *
 * <p>All arrays of a step live in a sub-manager of the model's parameter manager that is
 * closed when the step ends, so training does not grow native memory. The learning rate
 * comes from the schedule at the optimizer's global step count, so a resumed run that loaded
 * the optimizer state continues the schedule exactly.
 *
 * <p>Backward runs through {@link GradientScope}, which records on the calling thread only, so
 * replicas on different devices can step in parallel threads. One instance belongs to one
 * model replica and is not thread-safe.
 */
public final class TrainingStep {

  private final HrmModel model;
  private final AdamW optimizer;
  private final LearningRateSchedule schedule;
  private final double gradClipNorm;

  /**
   * Creates a step runner.
   *
   * @param model An initialised model.
   * @param optimizer The optimizer created for {@code model}.
   * @param schedule The learning-rate schedule.
   * @param gradClipNorm The global gradient norm limit, {@code > 0}; infinity turns clipping
   *     off.
   * @throws IllegalArgumentException if {@code gradClipNorm} is not positive.
   */
  public TrainingStep(
      HrmModel model, AdamW optimizer, LearningRateSchedule schedule, double gradClipNorm) {

    if (!(gradClipNorm > 0)) {
      throw new IllegalArgumentException(String.format(
          "grad_clip_norm is %s but must be > 0; 1.0 is usual", gradClipNorm));
    }
    this.model = model;
    this.optimizer = optimizer;
    this.schedule = schedule;
    this.gradClipNorm = gradClipNorm;
  }

  /**
   * Trains on one batch of token rows.
   *
   * @param batch The batch.
   * @return The loss, gradient norm and learning rate of the step.
   */
  public StepResult run(TokenBatch batch) {
    try (NDManager step = model.parameterManager().newSubManager()) {
      return runScoped(step, batch.toNDArray(step));
    }
  }

  /**
   * Trains on one batch of token ids.
   *
   * <p>When the loss or the gradient norm is NaN or infinite, the update is skipped (weights,
   * moments and the step count stay as they were) and {@link StepResult#updateApplied()} is
   * false; the caller decides whether to stop the run.
   *
   * @param tokens Token ids of shape {@code [batch, seq]}; not modified or closed.
   * @return The loss, gradient norm and learning rate of the step.
   */
  public StepResult run(NDArray tokens) {
    try (NDManager step = model.parameterManager().newSubManager()) {
      NDArray ids = tokens.toType(DataType.INT64, true);
      ids.attach(step);
      return runScoped(step, ids);
    }
  }

  private StepResult runScoped(NDManager step, NDArray ids) {
    List<NDArray> parameters = model.parameterArrays();
    step.tempAttachAll(parameters.toArray(new NDArray[0]));
    GradientScope.zeroGradients(parameters);

    float loss = forwardBackward(step, ids);
    float gradNorm;
    try (NoGradScope scope = NoGradScope.open(step)) {
      gradNorm = GradientClipping.clipByGlobalNorm(gradients(parameters, step), gradClipNorm);
    }
    double learningRate = schedule.learningRate(optimizer.stepCount());
    // A NaN or infinite gradient would poison every weight and both moments for good.
    boolean applied = Float.isFinite(loss) && Float.isFinite(gradNorm);
    if (applied) {
      optimizer.update(step, learningRate);
    }
    GradientScope.zeroGradients(parameters);

    return new StepResult(loss, gradNorm, learningRate, optimizer.stepCount(), applied);
  }

  private float forwardBackward(NDManager step, NDArray ids) {
    try (GradientScope scope = GradientScope.open(step)) {
      NDList outputs = model.forward(new ParameterStore(step, false), new NDList(ids), true);
      NDArray loss = LanguageModelLoss.nextToken(outputs.head(), ids);
      scope.backward(loss);
      return loss.getFloat();
    }
  }

  private static List<NDArray> gradients(List<NDArray> parameters, NDManager step) {
    List<NDArray> gradients = new ArrayList<>();
    for (NDArray parameter : parameters) {
      NDArray gradient = parameter.getGradient();
      gradient.attach(step);
      gradients.add(gradient);
    }
    return gradients;
  }
}
