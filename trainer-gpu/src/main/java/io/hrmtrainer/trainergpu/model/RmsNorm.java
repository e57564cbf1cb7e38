package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Root-mean-square normalisation over the last axis with a learned gain (initialised to 1). */
final class RmsNorm extends AbstractBlock {

  private static final float EPSILON = 1e-5f;

  private final Parameter gain;

  RmsNorm(int hiddenSize) {
    super((byte) 1);
    gain = addParameter(Parameter.builder()
        .setName("gain")
        .setType(Parameter.Type.GAMMA)
        .optShape(new Shape(hiddenSize))
        .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray x = inputs.head();
    NDArray g = store.getValue(gain, x.getDevice(), training);
    NDArray meanSquare = x.square().mean(new int[] {-1}, true);
    return new NDList(x.div(meanSquare.add(EPSILON).sqrt()).mul(g));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
