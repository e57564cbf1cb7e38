package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;

/**
 * The decimal settings of a training run, each with its JSON key, its {@code hrm-hf train} flag
 * and its valid range. Every valid value is finite: NaN and infinities are always rejected.
 *
 * <p>{@link TrainingConfig}, {@link ModelSpec} and the front ends check values through these
 * constants, so a value out of range gets the same message wherever it comes from.
 */
public enum DoubleSetting {
  /** The peak learning rate, reached at the end of warm-up. */
  LEARNING_RATE(
      "learning_rate", "--lr", 0.0, false, Double.MAX_VALUE,
      "a finite number > 0", "pass a small positive rate such as --lr 0.001"),
  /** The final learning rate of the cosine decay, as a fraction of the peak rate. */
  MIN_LR_RATIO(
      "min_lr_ratio", "--min-lr-ratio", 0.0, true, 1.0,
      "a number from 0 to 1", "pass --min-lr-ratio between 0 and 1, such as 0.1"),
  /** The decoupled weight decay of the AdamW optimizer. */
  WEIGHT_DECAY(
      "weight_decay", "--weight-decay", 0.0, true, Double.MAX_VALUE,
      "a finite number >= 0",
      "pass --weight-decay 0 to turn it off, or a small value such as 0.01"),
  /** The maximum global L2 norm of the gradients; larger gradients are scaled down to it. */
  GRAD_CLIP_NORM(
      "grad_clip_norm", "--grad-clip-norm", 0.0, false, Double.MAX_VALUE,
      "a finite number > 0", "pass a positive norm such as --grad-clip-norm 1.0"),
  /** The SwiGLU hidden width as a multiple of the model's hidden size. */
  MLP_EXPANSION(
      "model.mlp_expansion", "--mlp-expansion", 0.0, false, Double.MAX_VALUE,
      "a finite number > 0", "pass a positive multiple such as --mlp-expansion 4");

  private final String jsonKey;
  private final String flag;
  private final double lowerBound;
  private final boolean lowerBoundIncluded;
  private final double upperBound;
  private final String rule;
  private final String fix;

  DoubleSetting(
      String jsonKey, String flag, double lowerBound, boolean lowerBoundIncluded,
      double upperBound, String rule, String fix) {

    this.jsonKey = jsonKey;
    this.flag = flag;
    this.lowerBound = lowerBound;
    this.lowerBoundIncluded = lowerBoundIncluded;
    this.upperBound = upperBound;
    this.rule = rule;
    this.fix = fix;
  }

  /** Returns the key in the JSON form of the config, with a {@code model.} prefix if nested. */
  public String jsonKey() {
    return jsonKey;
  }

  /** Returns the {@code hrm-hf train} flag that sets this value, such as {@code --lr}. */
  public String flag() {
    return flag;
  }

  /** Returns the valid range in words, such as "a finite number > 0". */
  public String rule() {
    return rule;
  }

  /** Returns whether {@code value} is finite and inside the valid range. */
  public boolean accepts(double value) {
    boolean aboveLower = value > lowerBound || (lowerBoundIncluded && value == lowerBound);
    return Double.isFinite(value) && aboveLower && value <= upperBound;
  }

  /**
   * Returns {@code value} after checking its range.
   *
   * @throws InvalidInputException if {@code value} is not finite or out of range; the message
   *     names the flag, the value, the range and a value to pass instead. Check with {@link
   *     #accepts(double)} first to avoid it.
   */
  public double check(double value) {
    if (!accepts(value)) {
      throw new InvalidInputException(
          String.format(
              "%s %s is out of range: expected %s (%s in JSON). Fix: %s.",
              flag, value, rule, jsonKey, fix));
    }
    return value;
  }
}
