package io.hrmtrainer.trainergpu.optim;

/**
 * The values one optimizer step reports for telemetry.
 *
 * @param loss The mean next-token loss of the batch, before the update.
 * @param gradNorm The global gradient L2 norm before clipping.
 * @param learningRate The learning rate the update used.
 * @param optimizerStep The global optimizer step count after this step (1 after the first).
 * @param updateApplied False when a NaN or infinite loss or gradient norm made the step skip
 *     the update.
 */
public record StepResult(
    float loss, float gradNorm, double learningRate, long optimizerStep, boolean updateApplied) {}
