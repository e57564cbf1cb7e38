package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-norm transformer block: {@code x = norm(x + attn(x)); x = norm(x + mlp(x))}.
 *
 * <p>Inputs are those of {@link CausalSelfAttention}; the output is the new {@code x}.
 */
final class TransformerBlock extends AbstractBlock {

  private final CausalSelfAttention attention;
  private final RmsNorm attentionNorm;
  private final SwiGlu mlp;
  private final RmsNorm mlpNorm;

  TransformerBlock(int hiddenSize, int numHeads, double expansion) {
    super((byte) 1);
    attention = addChildBlock("attention", new CausalSelfAttention(hiddenSize, numHeads));
    attentionNorm = addChildBlock("attentionNorm", new RmsNorm(hiddenSize));
    mlp = addChildBlock("mlp", new SwiGlu(hiddenSize, expansion));
    mlpNorm = addChildBlock("mlpNorm", new RmsNorm(hiddenSize));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray x = inputs.head();
    NDArray attended = attention.forward(store, inputs, training).head();
    x = attentionNorm.forward(store, new NDList(x.add(attended)), training).head();
    NDArray expanded = mlp.forward(store, new NDList(x), training).head();
    return mlpNorm.forward(store, new NDList(x.add(expanded)), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    attention.initialize(manager, dataType, shapes[0]);
    attentionNorm.initialize(manager, dataType, shapes[0]);
    mlp.initialize(manager, dataType, shapes[0]);
    mlpNorm.initialize(manager, dataType, shapes[0]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
