package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The gated feed-forward layer {@code down(silu(gate(x)) * up(x))}, without biases. */
final class SwiGlu extends AbstractBlock {

  private final Linear gateUp;
  private final Linear down;

  SwiGlu(int hiddenSize, double expansion) {
    super((byte) 1);
    long inner = Math.max(1, Math.round(expansion * hiddenSize));
    gateUp = addChildBlock("gateUp", Linear.builder().setUnits(2 * inner).optBias(false).build());
    down = addChildBlock("down", Linear.builder().setUnits(hiddenSize).optBias(false).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray projected = gateUp.forward(store, new NDList(inputs.head()), training).head();
    NDList gateAndUp = projected.split(2, projected.getShape().dimension() - 1);
    NDArray gate = gateAndUp.get(0);
    NDArray gated = gate.mul(Activation.sigmoid(gate)).mul(gateAndUp.get(1));
    return down.forward(store, new NDList(gated), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    gateUp.initialize(manager, dataType, shapes[0]);
    Shape hidden = shapes[0];
    Shape inner = hidden.slice(0, hidden.dimension() - 1)
        .add(gateUp.getOutputShapes(new Shape[] {hidden})[0].getLastDimension() / 2);
    down.initialize(manager, dataType, inner);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
