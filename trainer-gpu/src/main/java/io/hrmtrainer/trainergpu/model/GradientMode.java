package io.hrmtrainer.trainergpu.model;

/** How far gradients flow back through the recurrent H and L cycles of {@link HrmModel}. */
public enum GradientMode {

  /**
   * HRM's one-step approximation: only the last L step and the last H step record gradients.
   * Every earlier step runs without autograd, and its result is detached.
   */
  ONE_STEP,

  /** Full back-propagation through every L and H step of every cycle. */
  FULL_BACKPROP
}
