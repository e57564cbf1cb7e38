package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One recurrent HRM module (H or L): a stack of {@link TransformerBlock}s applied to the state.
 *
 * <p>Inputs: the module input {@code [B, T, hidden]} followed by the rotary tables and the
 * causal mask, which every block reuses.
 */
final class ReasoningModule extends AbstractBlock {

  ReasoningModule(int layers, int hiddenSize, int numHeads, double expansion) {
    super((byte) 1);
    for (int i = 0; i < layers; i++) {
      addChildBlock("layer" + i, new TransformerBlock(hiddenSize, numHeads, expansion));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray x = inputs.head();
    for (Block layer : getChildren().values()) {
      NDList layerInputs = new NDList(x, inputs.get(1), inputs.get(2), inputs.get(3));
      x = layer.forward(store, layerInputs, training).head();
    }
    return new NDList(x);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    for (Block layer : getChildren().values()) {
      layer.initialize(manager, dataType, shapes[0]);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
