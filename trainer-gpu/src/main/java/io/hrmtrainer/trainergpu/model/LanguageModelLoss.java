package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;

/**
 * Next-token cross-entropy over the byte vocabulary, ignoring positions whose target is PAD.
 *
 * <p>Position {@code t} predicts token {@code t + 1}. The loss is the mean negative
 * log-likelihood over targets that are not {@link ByteTokenizer#PAD}, computed with
 * {@code logSoftmax} so large logits do not overflow. A batch with no such target has loss 0.
 */
public final class LanguageModelLoss {

  private LanguageModelLoss() {}

  /**
   * Computes the mean next-token loss of one batch.
   *
   * @param logits Model output of shape {@code [batch, seq, vocab]}.
   * @param tokens The input token ids of shape {@code [batch, seq]}, {@code int64}.
   * @return A scalar float32 array in the manager of {@code logits}.
   */
  public static NDArray nextToken(NDArray logits, NDArray tokens) {
    long seq = tokens.getShape().get(1);

    NDArray predictions = logits.get(":, 0:" + (seq - 1));
    NDArray targets = tokens.get(":, 1:").toType(DataType.INT64, false);
    NDArray logProbs = predictions.logSoftmax(2);
    NDArray picked = logProbs.gather(targets.expandDims(2), 2).squeeze(2);
    NDArray mask = targets.neq(ByteTokenizer.PAD).toType(DataType.FLOAT32, false);
    NDArray count = mask.sum().maximum(1f);

    return picked.mul(mask).sum().neg().div(count);
  }
}
