package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;

/**
 * The size of an HRM model: hidden width, attention heads, layers of the H and L modules, their
 * cycle counts and the MLP expansion.
 *
 * <p>Every instance is valid: the constructor checks each value and the relation between the
 * hidden size and the number of heads, so code that receives a {@code ModelSpec} can build the
 * model without further checks. Presets live in {@link ModelPreset}.
 *
 * @param hiddenSize The width of every hidden state, divisible by {@code numHeads}.
 * @param numHeads The number of attention heads.
 * @param hLayers The number of transformer blocks in the high-level (H) module.
 * @param lLayers The number of transformer blocks in the low-level (L) module.
 * @param hCycles The number of outer H steps per forward pass.
 * @param lCycles The number of inner L steps per H step.
 * @param expansion The SwiGLU hidden width as a multiple of {@code hiddenSize}.
 */
public record ModelSpec(
    int hiddenSize, int numHeads, int hLayers, int lLayers, int hCycles, int lCycles,
    double expansion) {

  /**
   * Creates a model size after checking it.
   *
   * @throws InvalidInputException if a count is below 1, the expansion is not a finite positive
   *     number, {@code hiddenSize} is not a multiple of {@code numHeads}, or the head width
   *     {@code hiddenSize / numHeads} is odd (rotary position encoding rotates pairs of channels).
   *     The message names the flag, the value and the rule.
   */
  public ModelSpec {
    IntSetting.HIDDEN_SIZE.check(hiddenSize);
    IntSetting.NUM_HEADS.check(numHeads);
    IntSetting.H_LAYERS.check(hLayers);
    IntSetting.L_LAYERS.check(lLayers);
    IntSetting.H_CYCLES.check(hCycles);
    IntSetting.L_CYCLES.check(lCycles);
    DoubleSetting.MLP_EXPANSION.check(expansion);
    checkHeadWidth(hiddenSize, numHeads);
  }

  /** Returns the width of one attention head, {@code hiddenSize / numHeads}, always even. */
  public int headDim() {
    return hiddenSize / numHeads;
  }

  private static void checkHeadWidth(int hiddenSize, int numHeads) {
    if (hiddenSize % numHeads != 0) {
      throw new InvalidInputException(
          String.format(
              "--hidden-size %d is not a multiple of --num-heads %d: every attention head needs"
                  + " an equal share of the hidden width (model.hidden_size in JSON)."
                  + " Fix: pass a --hidden-size that is a multiple of %d, such as %d.",
              hiddenSize, numHeads, 2 * numHeads, suggestedHiddenSize(hiddenSize, numHeads)));
    }
    if ((hiddenSize / numHeads) % 2 != 0) {
      throw new InvalidInputException(
          String.format(
              "--hidden-size %d with --num-heads %d gives an odd head width of %d: rotary position"
                  + " encoding needs an even head width (model.hidden_size in JSON)."
                  + " Fix: pass a --hidden-size that is a multiple of %d, such as %d.",
              hiddenSize, numHeads, hiddenSize / numHeads, 2 * numHeads,
              suggestedHiddenSize(hiddenSize, numHeads)));
    }
  }

  /** Returns the nearest hidden size at or above {@code hiddenSize} with an even head width. */
  private static long suggestedHiddenSize(int hiddenSize, int numHeads) {
    long step = 2L * numHeads;
    return ((hiddenSize + step - 1) / step) * step;
  }
}
