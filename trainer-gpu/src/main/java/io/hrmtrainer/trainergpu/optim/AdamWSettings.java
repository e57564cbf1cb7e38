package io.hrmtrainer.trainergpu.optim;

/**
 * The hyper-parameters of {@link AdamW} other than the learning rate, which comes from the
 * {@link LearningRateSchedule} at each step.
 *
 * @param beta1 The decay of the first moment, in {@code [0, 1)}.
 * @param beta2 The decay of the second moment, in {@code [0, 1)}.
 * @param epsilon Added to the root of the second moment, {@code > 0}.
 * @param weightDecay The decoupled weight decay per unit of learning rate, {@code >= 0}.
 */
public record AdamWSettings(double beta1, double beta2, double epsilon, double weightDecay) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the value outside its range.
   */
  public AdamWSettings {
    requireUnitInterval("beta1", beta1);
    requireUnitInterval("beta2", beta2);
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException(String.format(
          "epsilon is %s but must be > 0; 1e-8 is usual", epsilon));
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException(String.format(
          "weight_decay is %s but must be >= 0; use 0 to turn decay off", weightDecay));
    }
  }

  /**
   * Returns the usual language-model settings: betas 0.9 and 0.95, epsilon 1e-8, decay 0.1.
   *
   * @return The default settings.
   */
  public static AdamWSettings defaults() {
    return new AdamWSettings(0.9, 0.95, 1e-8, 0.1);
  }

  /**
   * Returns a copy with another weight decay.
   *
   * @param decay The new decoupled weight decay, {@code >= 0}.
   * @return The modified settings.
   */
  public AdamWSettings withWeightDecay(double decay) {
    return new AdamWSettings(beta1, beta2, epsilon, decay);
  }

  private static void requireUnitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(String.format(
          "%s is %s but must be in [0, 1); 0.9 to 0.999 is usual", name, value));
    }
  }
}
