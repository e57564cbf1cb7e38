package io.hrmtrainer.core.config;

/**
 * The size of an HRM model: hidden width, attention heads, layers of the H and L modules, their
 * cycle counts and the MLP expansion.
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
    double expansion) {}
