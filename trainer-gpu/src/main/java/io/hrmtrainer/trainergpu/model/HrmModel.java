package io.hrmtrainer.trainergpu.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.trainergpu.model.internal.GraphScalars;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Hierarchical Reasoning Model (HRM) as a causal byte-level language model in DJL.
 *
 * <p>Architecture: a scaled token embedding {@code x} ({@code sqrt(hidden)} times a table with
 * standard deviation {@code 1/sqrt(hidden)}); two recurrent modules H and L, each a stack of
 * post-norm transformer blocks ({@code x = RMSNorm(x + Attn(x)); x = RMSNorm(x + SwiGLU(x))})
 * with causal multi-head self-attention and rotary position encoding on queries and keys; an
 * LM head (linear, no bias) on the final H state. One forward pass runs {@code hCycles} outer
 * steps, each with {@code lCycles} inner steps {@code zL = L(zL + zH + x)} followed by
 * {@code zH = H(zH + zL)}. Both states start at zero (a fixed, not learned, initial state).
 *
 * <p>Gradients: {@link GradientMode#ONE_STEP} (the default) is HRM's one-step approximation;
 * every step but the last L and the last H step runs without autograd, so backward costs one
 * L and one H pass whatever the cycle counts. {@link GradientMode#FULL_BACKPROP} differentiates
 * through every step. One-step is the default because it is faster and learns as well. On 2
 * busy CPU cores (batch 16, seq 64, lr 1e-3) the tiny preset ran 46-52 steps/s one-step and
 * 23-33 full, and the 256-wide preset 3.4-3.6 and 0.5-1.0. After 150 tiny steps both reached
 * a loss near 2.2 from about 5.0, and one full-backprop run ended in NaN. {@code TinyPresetLearningTest#measureStepsPerSecond} repeats the measurement.
 *
 * <p>Lifecycle: construct, then {@link #initializeSeeded(NDManager, long)} once; the parameter
 * arrays live in that manager until it closes. Initialisation is deterministic for a seed:
 * each weight matrix is filled from {@link java.util.Random} seeded by the seed and the
 * parameter's name, with a normal distribution truncated at two standard deviations and
 * standard deviation {@code 1/sqrt(fan_in)}; norm gains start at 1.
 *
 * <p>Thread-safety: one instance belongs to one worker thread at a time. {@link #logits} and a
 * training step temporarily attach the parameter arrays to a per-call manager, so two threads
 * must not use the same instance concurrently.
 */
public final class HrmModel extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final float ROPE_BASE = 10_000f;
  private static final float MASKED = -1e9f;

  private final ModelSpec spec;
  private final int vocabSize;
  private final GradientMode gradientMode;
  private final Parameter tokenEmbedding;
  private final ReasoningModule hModule;
  private final ReasoningModule lModule;
  private final Linear lmHead;
  private NDManager parameterManager;

  /**
   * Creates an uninitialised model.
   *
   * @param spec The model size; {@link ModelSpec} already guarantees positive sizes and an
   *     even head width, which rotary encoding needs.
   * @param vocabSize The number of token ids, e.g. {@code ByteTokenizer.VOCAB_SIZE}.
   * @param gradientMode How gradients flow through the cycles.
   */
  public HrmModel(ModelSpec spec, int vocabSize, GradientMode gradientMode) {
    super(VERSION);
    this.spec = spec;
    this.vocabSize = vocabSize;
    this.gradientMode = gradientMode;
    tokenEmbedding = addParameter(Parameter.builder()
        .setName("tokenEmbedding")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(vocabSize, spec.hiddenSize()))
        .build());
    hModule = addChildBlock("hModule", newModule(spec, spec.hLayers()));
    lModule = addChildBlock("lModule", newModule(spec, spec.lLayers()));
    lmHead = addChildBlock("lmHead", Linear.builder().setUnits(vocabSize).optBias(false).build());
  }

  /**
   * Allocates the parameters in {@code manager}, fills them deterministically from
   * {@code seed}, and makes them require gradients.
   *
   * @param manager The manager that owns the parameters; keep it open while the model is used.
   * @param seed The initialisation seed; equal seeds give bit-identical parameters.
   */
  public void initializeSeeded(NDManager manager, long seed) {
    setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
    initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    parameterManager = manager;

    // Threads other than the engine's first start with grad mode on, where in-place writes
    // to parameters fail; writing without autograd works on every thread.
    try (NoGradScope scope = NoGradScope.open(manager)) {
      for (Pair<String, Parameter> named : getParameters()) {
        Parameter parameter = named.getValue();
        if (parameter.getType() == Parameter.Type.WEIGHT) {
          parameter.getArray().set(truncatedNormal(parameter.getShape(), seed, named.getKey()));
        }
        parameter.getArray().setRequiresGradient(true);
      }
    }
  }

  /**
   * Returns the model size.
   *
   * @return The spec this model was built from.
   */
  public ModelSpec spec() {
    return spec;
  }

  /**
   * Returns the vocabulary size of the embedding and the LM head.
   *
   * @return The number of token ids.
   */
  public int vocabSize() {
    return vocabSize;
  }

  /**
   * Returns how gradients flow through the cycles.
   *
   * @return The gradient mode.
   */
  public GradientMode gradientMode() {
    return gradientMode;
  }

  /**
   * Returns the manager that owns the parameter arrays.
   *
   * @return The manager passed to {@link #initializeSeeded}.
   * @throws IllegalStateException if the model is not initialised yet.
   */
  public NDManager parameterManager() {
    requireInitialized();
    return parameterManager;
  }

  /**
   * Returns the current parameter arrays in DJL's parameter order.
   *
   * @return A new list; the arrays are the live parameters, not copies.
   */
  public List<NDArray> parameterArrays() {
    List<NDArray> arrays = new ArrayList<>();
    for (Parameter parameter : getParameters().values()) {
      arrays.add(parameter.getArray());
    }
    return arrays;
  }

  /**
   * Returns the number of scalar parameters.
   *
   * @return The total element count of all parameters.
   */
  public long parameterCount() {
    long count = 0;
    for (Parameter parameter : getParameters().values()) {
      count += parameter.getShape().size();
    }
    return count;
  }

  /**
   * Runs the model without recording gradients and returns the logits.
   *
   * @param tokens Token ids of shape {@code [batch, seq]}.
   * @return Logits of shape {@code [batch, seq, vocab]}, owned by the manager of
   *     {@code tokens}.
   */
  public NDArray logits(NDArray tokens) {
    requireInitialized();
    NDManager owner = tokens.getManager();

    try (NDManager scope = owner.newSubManager();
        NoGradScope noGrad = NoGradScope.open(owner)) {
      scope.tempAttachAll(parameterArrays().toArray(new NDArray[0]));
      NDArray ids = tokens.toType(DataType.INT64, true);
      ids.attach(scope);
      NDArray logits = forward(new ParameterStore(scope, false), new NDList(ids), false).head();
      logits.attach(owner);
      return logits;
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {

    NDArray ids = inputs.head();
    NDManager manager = ids.getManager();
    NDArray table = store.getValue(tokenEmbedding, ids.getDevice(), training);
    NDArray x = GraphScalars.multiply(table.get(ids), (float) Math.sqrt(spec.hiddenSize()));
    NDList context = positionContext(manager, ids.getShape().get(1));

    NDArray zH = manager.zeros(x.getShape());
    NDArray zL = manager.zeros(x.getShape());
    for (int h = 0; h < spec.hCycles(); h++) {
      boolean lastH = h == spec.hCycles() - 1;
      for (int l = 0; l < spec.lCycles(); l++) {
        boolean tracked = isTracked(lastH && l == spec.lCycles() - 1);
        zL = runModule(lModule, store, new NDList(zL, zH, x), context, training, tracked);
      }
      zH = runModule(hModule, store, new NDList(zH, zL), context, training, isTracked(lastH));
    }
    return lmHead.forward(store, new NDList(zH), training);
  }

  private boolean isTracked(boolean lastStep) {
    return gradientMode == GradientMode.FULL_BACKPROP || lastStep;
  }

  /** Runs one module on the sum of its inputs, without autograd when {@code tracked} is false. */
  private NDArray runModule(
      ReasoningModule module, ParameterStore store, NDList summands, NDList context,
      boolean training, boolean tracked) {

    NDManager manager = summands.head().getManager();
    try (NoGradScope scope = tracked ? null : NoGradScope.open(manager)) {
      NDArray input = summands.get(0);
      for (int i = 1; i < summands.size(); i++) {
        input = input.add(summands.get(i));
      }
      NDList moduleInputs = new NDList(input, context.get(0), context.get(1), context.get(2));
      NDArray output = module.forward(store, moduleInputs, training).head();
      return tracked ? output : output.stopGradient();
    }
  }

  /** Builds the rotary cos and sin tables {@code [seq, headDim/2]} and the causal mask. */
  private NDList positionContext(NDManager manager, long seq) {
    int half = spec.hiddenSize() / spec.numHeads() / 2;
    int length = Math.toIntExact(seq);
    float[] cos = new float[length * half];
    float[] sin = new float[length * half];
    for (int t = 0; t < length; t++) {
      for (int i = 0; i < half; i++) {
        double angle = t * Math.pow(ROPE_BASE, -(double) i / half);
        cos[t * half + i] = (float) Math.cos(angle);
        sin[t * half + i] = (float) Math.sin(angle);
      }
    }
    float[] mask = new float[length * length];
    for (int row = 0; row < length; row++) {
      for (int col = row + 1; col < length; col++) {
        mask[row * length + col] = MASKED;
      }
    }
    return new NDList(
        manager.create(cos, new Shape(length, half)),
        manager.create(sin, new Shape(length, half)),
        manager.create(mask, new Shape(length, length)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape hidden = shapes[0].add(spec.hiddenSize());
    hModule.initialize(manager, dataType, hidden);
    lModule.initialize(manager, dataType, hidden);
    lmHead.initialize(manager, dataType, hidden);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(vocabSize)};
  }

  /**
   * Copies every parameter value of {@code source} into this model's arrays in place.
   *
   * @param source An initialised model with the same spec and vocabulary.
   * @throws IllegalArgumentException if the parameter names or shapes differ.
   */
  public void copyParametersFrom(HrmModel source) {
    requireInitialized();
    PairList<String, Parameter> theirs = source.getParameters();
    PairList<String, Parameter> ours = getParameters();
    ParameterLayout.requireSameLayout(ParameterLayout.of(theirs), ParameterLayout.of(ours));

    try (NoGradScope scope = NoGradScope.open(parameterManager)) {
      for (Pair<String, Parameter> named : ours) {
        float[] values = theirs.get(named.getKey()).getArray().toFloatArray();
        named.getValue().getArray().set(values);
      }
    }
  }

  /**
   * Serialises all parameters in DJL's parameter format.
   *
   * @return The bytes that {@link #parametersFromBytes(byte[])} reads.
   */
  public byte[] parametersToBytes() {
    requireInitialized();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing parameters to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Replaces all parameters with those serialised by {@link #parametersToBytes()}.
   *
   * @param bytes Parameters of a model with the same spec and vocabulary.
   * @throws IllegalArgumentException if the bytes are truncated, of another format, or contain
   *     parameters with other names or shapes.
   */
  public void parametersFromBytes(byte[] bytes) {
    requireInitialized();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      loadParameters(parameterManager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalArgumentException(
          "the parameter bytes do not contain this model's parameters: " + e.getMessage(), e);
    }
  }

  /**
   * Loads parameters in DJL's format, then checks their shapes, makes them require gradients
   * and frees the arrays they replace.
   *
   * @param manager The manager that owns the loaded arrays; normally {@link #parameterManager()}.
   * @param is The stream written by {@link #saveParameters}.
   * @throws MalformedModelException if the stream contains another model's parameters.
   */
  @Override
  public void loadParameters(NDManager manager, DataInputStream is)
      throws IOException, MalformedModelException {

    ParameterLayout expected = ParameterLayout.of(getParameters());
    List<NDArray> replaced = parameterArrays();
    super.loadParameters(manager, is);
    try {
      ParameterLayout.requireSameLayout(ParameterLayout.of(getParameters()), expected);
    } catch (IllegalArgumentException e) {
      throw new MalformedModelException(e.getMessage(), e);
    }

    for (NDArray array : parameterArrays()) {
      array.setRequiresGradient(true);
    }
    if (parameterManager == null) {
      parameterManager = manager;
    }
    for (NDArray old : replaced) {
      if (old != null && !old.isReleased()) {
        old.close();
      }
    }
  }

  private void requireInitialized() {
    if (parameterManager == null) {
      throw new IllegalStateException(
          "the model has no parameters yet; call initializeSeeded(manager, seed) first");
    }
  }

  private static ReasoningModule newModule(ModelSpec spec, int layers) {
    return new ReasoningModule(layers, spec.hiddenSize(), spec.numHeads(), spec.expansion());
  }

  private static float[] truncatedNormal(Shape shape, long seed, String name) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    double std = 1.0 / Math.sqrt(shape.get(shape.dimension() - 1));
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      double z;
      do {
        z = random.nextGaussian();
      } while (Math.abs(z) > 2.0);
      values[i] = (float) (z * std);
    }
    return values;
  }
}
