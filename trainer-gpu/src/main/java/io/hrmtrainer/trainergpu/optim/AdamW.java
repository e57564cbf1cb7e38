package io.hrmtrainer.trainergpu.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.hrmtrainer.trainergpu.model.ParameterLayout;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), applied by hand to a block's
 * parameters after a backward pass, with state that can be saved and loaded.
 *
 * <p>For each parameter {@code w} with gradient {@code g}, at its update number {@code t}
 * (starting at 1), with learning rate {@code lr}:
 *
 * <pre>{@code
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * w = w * (1 - lr * weightDecay)            (only for decayed parameters)
 * w = w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * }</pre>
 *
 * <p>Weight decay applies only to parameters of rank 2 or more whose name does not contain
 * "embedding": norm gains, biases and the token embedding are not decayed.
 *
 * <p>The state is the global step count and, per parameter name, both moments and the update
 * count. {@link #save} writes it with the magic tag {@code HRMADAMW} and a format version;
 * {@link #load} rejects state whose parameter names or shapes differ and lists each difference.
 *
 * <p>Not thread-safe: one instance belongs to one model replica. Close it to free the moments.
 */
public final class AdamW implements AutoCloseable {

  /** The format version that {@link #save} writes and {@link #load} reads. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = "HRMADAMW".getBytes(StandardCharsets.US_ASCII);

  private final Block block;
  private final AdamWSettings settings;
  private final NDManager stateManager;
  private final Map<String, Moments> moments = new LinkedHashMap<>();
  private long stepCount;

  private static final class Moments {
    final NDArray first;
    final NDArray second;
    final boolean decayed;
    long updates;

    Moments(NDArray first, NDArray second, boolean decayed) {
      this.first = first;
      this.second = second;
      this.decayed = decayed;
    }
  }

  private AdamW(Block block, AdamWSettings settings, NDManager stateManager) {
    this.block = block;
    this.settings = settings;
    this.stateManager = stateManager;
  }

  /**
   * Creates an optimizer with zero moments for every parameter of an initialised block.
   *
   * @param block The block whose parameters it updates; its parameter names key the state.
   * @param manager The parent of the sub-manager that contains the moments.
   * @param settings The hyper-parameters.
   * @return The optimizer; close it to free the moments.
   */
  public static AdamW newInstance(Block block, NDManager manager, AdamWSettings settings) {
    AdamW optimizer = new AdamW(block, settings, manager.newSubManager());
    for (Pair<String, Parameter> named : block.getParameters()) {
      Shape shape = named.getValue().getShape();
      boolean decayed = shape.dimension() >= 2
          && !named.getKey().toLowerCase(Locale.ROOT).contains("embedding");
      optimizer.moments.put(named.getKey(), new Moments(
          optimizer.stateManager.zeros(shape), optimizer.stateManager.zeros(shape), decayed));
    }
    return optimizer;
  }

  /**
   * Returns the number of optimizer steps taken, the input of the learning-rate schedule.
   *
   * @return The global step count, 0 before the first update.
   */
  public long stepCount() {
    return stepCount;
  }

  /**
   * Returns how many updates one parameter has received.
   *
   * @param name A parameter name of the block.
   * @return The update count.
   * @throws IllegalArgumentException if the block has no parameter of that name.
   */
  public long updateCount(String name) {
    return momentsOf(name).updates;
  }

  /**
   * Returns whether weight decay applies to a parameter.
   *
   * @param name A parameter name of the block.
   * @return True for decayed parameters.
   * @throws IllegalArgumentException if the block has no parameter of that name.
   */
  public boolean isDecayed(String name) {
    return momentsOf(name).decayed;
  }

  /**
   * Applies one update to every parameter from its current gradient.
   *
   * <p>Temporaries are created in {@code stepManager}; the moments are attached to it for the
   * duration, so close it after the step. The gradients are not reset.
   *
   * @param stepManager The per-step manager, closed by the caller after the step.
   * @param learningRate The learning rate of this step.
   */
  public void update(NDManager stepManager, double learningRate) {
    stepCount++;
    try (NoGradScope scope = NoGradScope.open(stepManager)) {
      for (Pair<String, Parameter> named : block.getParameters()) {
        Moments state = momentsOf(named.getKey());
        stepManager.tempAttachAll(state.first, state.second);
        NDArray weight = named.getValue().getArray();
        NDArray gradient = weight.getGradient();
        gradient.attach(stepManager);
        state.updates++;
        updateOne(weight, gradient, state, (float) learningRate);
      }
    }
  }

  private void updateOne(NDArray weight, NDArray gradient, Moments state, float lr) {
    float beta1 = (float) settings.beta1();
    float beta2 = (float) settings.beta2();
    float correction1 = (float) (1 - Math.pow(settings.beta1(), state.updates));
    float correction2 = (float) (1 - Math.pow(settings.beta2(), state.updates));

    state.first.muli(beta1).addi(gradient.mul(1f - beta1));
    state.second.muli(beta2).addi(gradient.square().mul(1f - beta2));
    if (state.decayed) {
      weight.muli(1f - lr * (float) settings.weightDecay());
    }
    NDArray denominator = state.second.div(correction2).sqrt().add((float) settings.epsilon());
    weight.subi(state.first.div(correction1).div(denominator).mul(lr));
  }

  /**
   * Writes the step count and all moments and update counts.
   *
   * @param out The stream; not closed.
   * @throws IOException if writing fails.
   */
  public void save(DataOutputStream out) throws IOException {
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeLong(stepCount);
    out.writeInt(moments.size());
    for (Map.Entry<String, Moments> entry : moments.entrySet()) {
      Moments state = entry.getValue();
      out.writeUTF(entry.getKey());
      out.writeLong(state.updates);
      long[] dims = state.first.getShape().getShape();
      out.writeInt(dims.length);
      for (long dim : dims) {
        out.writeLong(dim);
      }
      writeFloats(out, state.first.toFloatArray());
      writeFloats(out, state.second.toFloatArray());
    }
  }

  /**
   * Replaces the whole state with one written by {@link #save}; nothing changes on failure.
   *
   * @param in The stream, positioned at the magic tag; not closed.
   * @throws IOException if reading fails or the stream ends early.
   * @throws IllegalArgumentException if the magic tag or version is wrong, or if the parameter
   *     names or shapes differ from this optimizer's block (each difference is listed).
   */
  public void load(DataInputStream in) throws IOException {
    readHeader(in);
    long savedSteps = in.readLong();
    int count = in.readInt();
    Map<String, SavedMoments> saved = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      saved.put(name, SavedMoments.read(in));
    }
    ParameterLayout.requireSameLayout(layoutOf(saved), layoutOf());

    try (NoGradScope scope = NoGradScope.open(stateManager)) {
      for (Map.Entry<String, SavedMoments> entry : saved.entrySet()) {
        Moments state = moments.get(entry.getKey());
        state.first.set(entry.getValue().first);
        state.second.set(entry.getValue().second);
        state.updates = entry.getValue().updates;
      }
    }
    stepCount = savedSteps;
  }

  /**
   * Replaces the state of every optimizer with their element-wise mean: first and second moments
   * are averaged, and each update count and the step count become the largest among them.
   *
   * <p>Used when parallel-independent replicas are merged at a checkpoint. The mean is computed in
   * double precision and rounded once to float. Taking the largest count keeps the bias correction
   * and the learning-rate schedule of the replica that went furthest.
   *
   * @param optimizers The optimizers of replicas with the same parameter layout.
   * @throws IllegalArgumentException if the list is empty or the layouts differ.
   */
  public static void average(List<AdamW> optimizers) {
    if (optimizers.isEmpty()) {
      throw new IllegalArgumentException("no optimizer to average: expected at least one");
    }
    AdamW first = optimizers.get(0);
    for (AdamW other : optimizers) {
      ParameterLayout.requireSameLayout(other.layoutOf(), first.layoutOf());
    }
    long maxSteps = optimizers.stream().mapToLong(AdamW::stepCount).max().orElseThrow();
    for (String name : first.moments.keySet()) {
      List<Moments> states = optimizers.stream().map(o -> o.moments.get(name)).toList();
      float[] meanFirst = ElementwiseMean.of(states.stream().map(state -> state.first).toList());
      float[] meanSecond = ElementwiseMean.of(states.stream().map(state -> state.second).toList());
      long maxUpdates = states.stream().mapToLong(state -> state.updates).max().orElseThrow();
      for (AdamW optimizer : optimizers) {
        Moments state = optimizer.moments.get(name);
        try (NoGradScope scope = NoGradScope.open(optimizer.stateManager)) {
          state.first.set(meanFirst);
          state.second.set(meanSecond);
        }
        state.updates = maxUpdates;
      }
    }
    optimizers.forEach(optimizer -> optimizer.stepCount = maxSteps);
  }

  @Override
  public void close() {
    stateManager.close();
  }

  private Moments momentsOf(String name) {
    Moments state = moments.get(name);
    if (state == null) {
      throw new IllegalArgumentException(String.format(
          "no parameter named '%s'; known parameters: %s", name, moments.keySet()));
    }
    return state;
  }

  private ParameterLayout layoutOf() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    moments.forEach((name, state) -> shapes.put(name, state.first.getShape()));
    return new ParameterLayout(shapes);
  }

  private static ParameterLayout layoutOf(Map<String, SavedMoments> saved) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    saved.forEach((name, state) -> shapes.put(name, state.shape));
    return new ParameterLayout(shapes);
  }

  private static void readHeader(DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException(String.format(
          "not an AdamW state: the file starts with %s instead of the tag %s; pass the"
              + " optimizer.bin of a checkpoint",
          Arrays.toString(magic), new String(MAGIC, StandardCharsets.US_ASCII)));
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(String.format(
          "AdamW state format version %d is not supported; this build reads version %d",
          version, FORMAT_VERSION));
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    for (float value : values) {
      out.writeFloat(value);
    }
  }

  /** One parameter's state as read from a stream, before it is checked and applied. */
  private static final class SavedMoments {
    final long updates;
    final Shape shape;
    final float[] first;
    final float[] second;

    private SavedMoments(long updates, Shape shape, float[] first, float[] second) {
      this.updates = updates;
      this.shape = shape;
      this.first = first;
      this.second = second;
    }

    static SavedMoments read(DataInputStream in) throws IOException {
      long updates = in.readLong();
      int rank = in.readInt();
      List<Long> dims = new ArrayList<>();
      for (int i = 0; i < rank; i++) {
        dims.add(in.readLong());
      }
      Shape shape = new Shape(dims);
      int size = Math.toIntExact(shape.size());
      return new SavedMoments(updates, shape, readFloats(in, size), readFloats(in, size));
    }

    private static float[] readFloats(DataInputStream in, int size) throws IOException {
      float[] values = new float[size];
      for (int i = 0; i < size; i++) {
        values[i] = in.readFloat();
      }
      return values;
    }
  }
}
