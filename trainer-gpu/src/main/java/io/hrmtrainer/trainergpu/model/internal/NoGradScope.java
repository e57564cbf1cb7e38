package io.hrmtrainer.trainergpu.model.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Stops autograd recording on the calling thread until closed, so steps that need no gradient
 * build no graph and keep no activations.
 *
 * <p>On engines other than PyTorch it does nothing; callers still detach results with
 * {@code stopGradient()}, which keeps the gradient semantics the same.
 */
public final class NoGradScope implements AutoCloseable {

  private final boolean active;
  private final boolean previousGradMode;

  private NoGradScope(boolean active, boolean previousGradMode) {
    this.active = active;
    this.previousGradMode = previousGradMode;
  }

  /**
   * Switches recording off on the calling thread.
   *
   * @param manager A manager of the engine that runs the forward pass.
   * @return The open scope; closing it restores the previous mode.
   */
  public static NoGradScope open(NDManager manager) {
    if (!GradientScope.isPyTorch(manager)) {
      return new NoGradScope(false, false);
    }
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    return new NoGradScope(true, previous);
  }

  @Override
  public void close() {
    if (active) {
      JniUtils.setGradMode(previousGradMode);
    }
  }
}
