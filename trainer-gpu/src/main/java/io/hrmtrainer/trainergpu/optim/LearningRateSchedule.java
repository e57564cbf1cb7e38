package io.hrmtrainer.trainergpu.optim;

/**
 * Linear warm-up, then cosine decay to a floor, then flat: a pure function of the global
 * optimizer step, so a resumed run continues exactly where the checkpoint left off.
 *
 * <p>For the 0-based step {@code s} about to be taken, with {@code W = warmupSteps},
 * {@code D = decaySteps} and {@code min = minLrRatio * peakLr}:
 *
 * <ul>
 *   <li>{@code s < W}: {@code peakLr * (s + 1) / W}, so the first step already moves and step
 *       {@code W - 1} uses the peak;
 *   <li>{@code W <= s < W + D}: {@code min + (peakLr - min) * (1 + cos(pi * (s - W) / D)) / 2};
 *   <li>{@code s >= W + D}: {@code min}.
 * </ul>
 *
 * @param peakLr The learning rate after warm-up, {@code > 0}.
 * @param warmupSteps Steps of linear warm-up, {@code >= 0}.
 * @param decaySteps Steps of cosine decay after warm-up, {@code >= 0}; 0 means flat at the
 *     peak after warm-up.
 * @param minLrRatio The floor as a fraction of {@code peakLr}, in {@code [0, 1]}.
 */
public record LearningRateSchedule(
    double peakLr, long warmupSteps, long decaySteps, double minLrRatio) {

  /**
   * Validates the schedule.
   *
   * @throws IllegalArgumentException naming the value outside its range.
   */
  public LearningRateSchedule {
    if (!(peakLr > 0) || Double.isInfinite(peakLr)) {
      throw new IllegalArgumentException(String.format(
          "lr is %s but must be a finite value > 0; 1e-3 is a good start", peakLr));
    }
    if (warmupSteps < 0 || decaySteps < 0) {
      throw new IllegalArgumentException(String.format(
          "warmup_steps is %d and lr_decay_steps is %d; both must be >= 0",
          warmupSteps, decaySteps));
    }
    if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
      throw new IllegalArgumentException(String.format(
          "min_lr_ratio is %s but must be in [0, 1]; 0.1 is usual", minLrRatio));
    }
  }

  /**
   * Returns a schedule that keeps {@code lr} for every step.
   *
   * @param lr The constant learning rate.
   * @return The schedule.
   */
  public static LearningRateSchedule constant(double lr) {
    return new LearningRateSchedule(lr, 0, 0, 1.0);
  }

  /**
   * Returns the learning rate of one optimizer step.
   *
   * @param step The 0-based global optimizer step about to be taken, {@code >= 0}.
   * @return The learning rate for that step.
   * @throws IllegalArgumentException if {@code step < 0}.
   */
  public double learningRate(long step) {
    if (step < 0) {
      throw new IllegalArgumentException(String.format(
          "optimizer step is %d but must be >= 0", step));
    }
    double floor = minLrRatio * peakLr;
    if (step < warmupSteps) {
      return peakLr * (step + 1) / warmupSteps;
    }
    long intoDecay = step - warmupSteps;
    if (intoDecay >= decaySteps) {
      return decaySteps == 0 ? peakLr : floor;
    }
    double progress = (double) intoDecay / decaySteps;
    return floor + (peakLr - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
