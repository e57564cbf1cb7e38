package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.optim.AdamW;
import io.hrmtrainer.trainergpu.optim.AdamWSettings;
import io.hrmtrainer.trainergpu.optim.LearningRateSchedule;
import io.hrmtrainer.trainergpu.optim.TrainingStep;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One model replica on one device with its optimizer: what a worker trains.
 *
 * <p>Owns a native memory manager; close the replica to free the weights and the optimizer
 * moments. Not thread-safe: one worker trains it, and the run reads it only while that worker is
 * paused.
 */
public final class ModelReplica implements AutoCloseable {

  private final Device device;
  private final NDManager manager;
  private final HrmModel model;
  private final AdamW optimizer;
  private final TrainingStep step;

  private ModelReplica(Device device, TrainingConfig config, ModelSpec spec, long seed) {
    this.device = device;
    this.manager = NDManager.newBaseManager(device);
    this.model = new HrmModel(spec, ByteTokenizer.VOCAB_SIZE, GradientMode.ONE_STEP);
    model.initializeSeeded(manager, seed);
    this.optimizer =
        AdamW.newInstance(
            model, manager, AdamWSettings.defaults().withWeightDecay(config.weightDecay()));
    LearningRateSchedule schedule =
        new LearningRateSchedule(
            config.learningRate(),
            config.warmupSteps(),
            config.lrDecaySteps(),
            config.minLrRatio());
    this.step = new TrainingStep(model, optimizer, schedule, config.gradClipNorm());
  }

  /**
   * Creates a replica with freshly initialised weights; equal seeds give identical weights.
   *
   * @param spec The architecture, which may differ from {@code config.model()} on resume.
   */
  public static ModelReplica newInitialized(
      Device device, TrainingConfig config, ModelSpec spec, long seed) {

    return new ModelReplica(device, config, spec, seed);
  }

  /** Returns the device the replica lives on. */
  public Device device() {
    return device;
  }

  /** Returns the model. */
  public HrmModel model() {
    return model;
  }

  /** Returns the optimizer. */
  public AdamW optimizer() {
    return optimizer;
  }

  /** Returns the training step that runs forward, backward and the update. */
  public TrainingStep trainingStep() {
    return step;
  }

  /** Returns the optimizer state as bytes, the content of {@code optimizer.bin}. */
  public byte[] optimizerToBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      optimizer.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to serialise the optimizer state in memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Replaces the weights and the optimizer state with a checkpoint's.
   *
   * @throws IllegalArgumentException if the checkpoint's parameter names or shapes differ.
   */
  public void loadState(byte[] parameters, byte[] optimizerState) {
    model.parametersFromBytes(parameters);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(optimizerState))) {
      optimizer.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the optimizer state", e);
    }
  }

  /** Copies weights and optimizer state from {@code source}, which must have the same layout. */
  public void copyStateFrom(ModelReplica source) {
    loadState(source.model.parametersToBytes(), source.optimizerToBytes());
  }

  @Override
  public void close() {
    optimizer.close();
    manager.close();
  }
}
