package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.hrmtrainer.trainergpu.model.internal.GraphScalars;

/**
 * Causal multi-head self-attention with rotary position encoding on queries and keys.
 *
 * <p>Inputs: {@code x [B, T, hidden]}, {@code cos [T, headDim/2]}, {@code sin [T, headDim/2]},
 * {@code mask [T, T]} (0 on and below the diagonal, a large negative value above).
 */
final class CausalSelfAttention extends AbstractBlock {

  private final int numHeads;
  private final int headDim;
  private final Linear qkv;
  private final Linear output;

  CausalSelfAttention(int hiddenSize, int numHeads) {
    super((byte) 1);
    this.numHeads = numHeads;
    this.headDim = hiddenSize / numHeads;
    qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * hiddenSize).optBias(false).build());
    output = addChildBlock("output", Linear.builder().setUnits(hiddenSize).optBias(false).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray x = inputs.get(0);
    long batch = x.getShape().get(0);
    long seq = x.getShape().get(1);
    NDArray projected = qkv.forward(store, new NDList(x), training).head()
        .reshape(batch, seq, 3, numHeads, headDim)
        .transpose(2, 0, 3, 1, 4);
    NDArray q = rotate(projected.get(0), inputs.get(1), inputs.get(2));
    NDArray k = rotate(projected.get(1), inputs.get(1), inputs.get(2));
    NDArray v = projected.get(2);

    NDArray scores = GraphScalars.multiply(
        q.matMul(k.transpose(0, 1, 3, 2)), 1.0f / (float) Math.sqrt(headDim))
        .add(inputs.get(3));
    NDArray mixed = scores.softmax(3).matMul(v)
        .transpose(0, 2, 1, 3)
        .reshape(batch, seq, (long) numHeads * headDim);
    return output.forward(store, new NDList(mixed), training);
  }

  /** Rotates pairs (first half, second half) of each head vector by the position's angles. */
  private static NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
    // DJL's split needs a non-negative axis; the head axis is the last of 4.
    NDList halves = x.split(2, 3);
    NDArray first = halves.get(0);
    NDArray second = halves.get(1);
    return NDArrays.concat(new NDList(
        first.mul(cos).sub(second.mul(sin)),
        first.mul(sin).add(second.mul(cos))), 3);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    qkv.initialize(manager, dataType, shapes[0]);
    output.initialize(manager, dataType, shapes[0]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
