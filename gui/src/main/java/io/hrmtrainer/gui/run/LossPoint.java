package io.hrmtrainer.gui.run;

/**
 * One point of the loss chart.
 *
 * @param step The global optimizer step.
 * @param loss The batch's mean cross-entropy, in nats per token.
 */
public record LossPoint(long step, double loss) {}
